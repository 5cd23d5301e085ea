from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from . import login_throttle


class AccountAdapter(DefaultAccountAdapter):
    """allauth, remembering the language a person signed up in (for the e-mails we send them),
    with failed logins slowed down (accounts.login_throttle)."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = translation.get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def authenticate(self, request, **credentials):
        # Every password check of allauth comes here: the login form and re-authentication.
        attempt = login_throttle.start_attempt(request, credentials.get("email", ""))  # or MustWait
        user = super().authenticate(request, **credentials)
        if user is not None:
            attempt.succeeded()
        return user
