import os

from django.core.wsgi import get_wsgi_application

from hub.garbage_collection import FreezeAfterWarmUp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")

application = FreezeAfterWarmUp(get_wsgi_application())
