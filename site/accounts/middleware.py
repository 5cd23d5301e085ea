from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .services import needs_two_factor_setup

# Pages a person must still reach while setting up two-factor login.
ALLOWED_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "account_logout",
    "account_reauthenticate",
    "account_confirm_email",
    "account_email_verification_sent",
}


class RequireTwoFactorMiddleware:
    """Sends people whose role demands two-factor login to its set-up until it is on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.VILLAGE_REQUIRE_2FA_ROLES or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is None or match.url_name in ALLOWED_URL_NAMES or request.path == "/healthz":
            return None
        if not needs_two_factor_setup(request.user):
            return None
        messages.warning(
            request,
            _("Your role gives access to confidential information. Turn on two-factor login to continue."),
        )
        return redirect(reverse("mfa_activate_totp"))
