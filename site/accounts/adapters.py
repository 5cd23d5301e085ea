from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from village.mail import queue_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth, with e-mail going through the task queue and the person's language remembered."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = translation.get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        queue_email(message)
