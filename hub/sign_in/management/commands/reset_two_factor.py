"""`manage.py reset_two_factor USERNAME`: for the web team when someone has lost the phone
with their authenticator app and their backup codes. It removes both, so they sign in with
their password alone (and, if two-factor authentication is compulsory, set it up again)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hub.sign_in.devices import has_two_factor, turn_off


class Command(BaseCommand):
    help = "Turns off two-factor authentication for one member of staff who has lost their app."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"There is no user called {username!r}.") from error
        if not has_two_factor(user):
            self.stdout.write(f"{username} does not have two-factor authentication on.")
            return
        turn_off(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor authentication is off for {username}. They can sign in with "
                "their password and set it up again from Account."
            )
        )
