"""Photos people upload, made safe before they are stored.

`clean_image(uploaded_file)` checks what the file really is (by its content, not its name),
refuses files that are too big in bytes or in pixels, applies the camera's orientation and
re-encodes the picture with Pillow, so that no metadata survives: no EXIF (with its GPS
position of a child's home or school), no XMP, no comments. Only the colour profile is kept,
because without it colours shift.

Used by the idea forms of co-creation tracks and, through a pre_save signal (see
`strip_wagtail_image`), by every image uploaded in the Wagtail admin.
"""

import hashlib
import io
import logging
import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger("village")

# Pillow format name -> (file extension, save options)
FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}

MESSAGES = {
    "type": _("This file is not a photo we can use. Please choose a JPEG, PNG or WebP picture."),
    "size": _("This photo is too big. Please choose one smaller than %(megabytes)s MB."),
    "pixels": _("This photo has too many pixels. Please choose a smaller one."),
}


def max_bytes():
    return getattr(settings, "VILLAGE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "VILLAGE_UPLOAD_MAX_PIXELS", 40_000_000)


def _size_error():
    megabytes = max(1, round(max_bytes() / (1024 * 1024)))
    return ValidationError(MESSAGES["size"], code="file_too_big", params={"megabytes": megabytes})


def _read(uploaded_file):
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes():
        raise _size_error()
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise _size_error()
    return data


def clean_image_bytes(data):
    """(bytes, Pillow format) of the re-encoded picture, or ValidationError."""
    try:
        with warnings.catch_warnings():
            # A decompression bomb warning becomes an error: we refuse it below either way.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in FORMATS:
                    raise ValidationError(MESSAGES["type"], code="file_type")
                if width * height > max_pixels():
                    raise ValidationError(MESSAGES["pixels"], code="too_many_pixels")
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                icc_profile = image.info.get("icc_profile")
                # Turn the pixels as the camera meant; the orientation tag goes with the EXIF.
                image = ImageOps.exif_transpose(image)
                if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                # A fresh image holds pixels only: nothing of the original's info travels along.
                clean = Image.new(image.mode, image.size)
                if image.mode == "P":
                    clean.putpalette(image.getpalette())
                    if "transparency" in image.info:
                        clean.info["transparency"] = image.info["transparency"]
                clean.paste(image)
                extension, options = FORMATS[image_format]
                options = dict(options)
                if icc_profile:
                    options["icc_profile"] = icc_profile
                if image_format == "PNG" and "transparency" in clean.info:
                    options["transparency"] = clean.info["transparency"]
                output = io.BytesIO()
                clean.save(output, format=image_format, **options)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(MESSAGES["type"], code="file_type") from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        logger.info("Refused an upload that Pillow could not read: %s", error)
        raise ValidationError(MESSAGES["type"], code="file_type") from None
    return output.getvalue(), image_format


def clean_image(uploaded_file):
    """A ContentFile with the re-encoded picture, named like the upload with the right extension.

    Raises ValidationError (translated message) for a file that is not a JPEG, PNG or WebP
    picture, or that is too big."""
    data = _read(uploaded_file)
    cleaned, image_format = clean_image_bytes(data)
    extension = FORMATS[image_format][0]
    stem = os.path.splitext(os.path.basename(getattr(uploaded_file, "name", "") or "photo"))[0] or "photo"
    return ContentFile(cleaned, name=f"{stem[:80]}.{extension}")


# --- Wagtail images ------------------------------------------------------------------------------


def strip_wagtail_image(sender, instance, **kwargs):
    """pre_save of Wagtail's Image: re-encode a newly uploaded file without its metadata.

    Only a file that has not been committed to storage yet (a fresh upload) is touched, so
    saving an existing image (e.g. its focal point) does not re-encode it again. A file that
    Pillow cannot clean is left as Wagtail checked it (Wagtail also accepts GIF, SVG, AVIF...)."""
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return
    try:
        data = _read(file.file if hasattr(file, "file") else file)
        cleaned, image_format = clean_image_bytes(data)
    except ValidationError:
        if hasattr(file, "seek"):
            file.seek(0)
        return
    name = os.path.basename(file.name or "image")
    stem = os.path.splitext(name)[0] or "image"
    instance.file = ContentFile(cleaned, name=f"{stem}.{FORMATS[image_format][0]}")
    instance.file_size = len(cleaned)
    instance.file_hash = hashlib.sha1(cleaned, usedforsecurity=False).hexdigest()  # as Wagtail does
    # Orientation may have swapped width and height.
    with Image.open(io.BytesIO(cleaned)) as image:
        instance.width, instance.height = image.size


def connect_wagtail_images():
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model

    pre_save.connect(strip_wagtail_image, sender=get_image_model(), dispatch_uid="village_strip_image")
