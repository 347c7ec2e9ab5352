"""Create the `admin` superuser once, so a newcomer can sign in to the CMS after `make run`."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if it does not exist. The password comes from "
        "ADMIN_PASSWORD; without it, one is generated and printed once. An existing admin user "
        "is never changed."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Admin user 'admin' already exists; leaving it unchanged.")
            return
        password = settings.ADMIN_PASSWORD or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        if settings.ADMIN_PASSWORD:
            self.stdout.write(
                self.style.SUCCESS(
                    "Created admin user 'admin' with the password in ADMIN_PASSWORD."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created admin user 'admin' with password: {password}\n"
                    "Write it down: it is shown only this once."
                )
            )
