from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, refusing with what its help text says ("Your password must contain at least 8
    characters."): Django 5.2 reworded its own refusal, and its Dutch catalog does not have the
    new words, so Dutch speakers read it in English."""

    def get_error_message(self):
        return self.get_help_text()
