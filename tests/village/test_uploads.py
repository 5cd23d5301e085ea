"""Uploaded photos: checked by content and size, re-encoded without metadata (GPS!)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from village.uploads import clean_image

GPS_IFD = 0x8825


def photo_bytes(fmt="JPEG", size=(40, 20), orientation=None, gps=True, xmp=False):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "Camera app 1.0"  # Software
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (50.0, 50.0, 12.0), 3: "E", 4: (4.0, 21.0, 3.0)}
    output = io.BytesIO()
    options = {"exif": exif.tobytes()}
    if xmp and fmt == "JPEG":
        options["xmp"] = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret place</x:xmpmeta>'
    image.save(output, format=fmt, **options)
    return output.getvalue()


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_the_location_and_camera_data_are_gone():
    original = photo_bytes(xmp=True)
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif().get_ifd(GPS_IFD)  # the test photo really has a location
    cleaned = clean_image(upload(original))
    data = cleaned.read()
    with Image.open(io.BytesIO(data)) as after:
        assert not after.getexif().get_ifd(GPS_IFD)
        assert len(after.getexif()) == 0
        assert "xmp" not in after.info and "exif" not in after.info
    assert b"PhoneMaker" not in data and b"secret place" not in data
    assert cleaned.name == "photo.jpg"


@pytest.mark.parametrize("fmt,extension", [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_are_cleaned_too(fmt, extension):
    cleaned = clean_image(upload(photo_bytes(fmt), name="drawing.jpg"))
    with Image.open(io.BytesIO(cleaned.read())) as after:
        assert after.format == fmt
        assert not after.getexif().get_ifd(GPS_IFD)
    # The name follows the content, not what the file was called.
    assert cleaned.name == f"drawing.{extension}"


def test_the_camera_orientation_is_applied():
    # Orientation 6: the camera was turned; a 40×20 sensor image is shown 20×40.
    cleaned = clean_image(upload(photo_bytes(size=(40, 20), orientation=6)))
    with Image.open(io.BytesIO(cleaned.read())) as after:
        assert after.size == (20, 40)
        assert 0x0112 not in after.getexif()


@pytest.mark.parametrize(
    "data,name",
    [
        (b"%PDF-1.4 not a photo", "photo.jpg"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "drawing.png"),
        (b"GIF89a" + b"\x00" * 20, "anim.gif"),
        (photo_bytes()[:200], "broken.jpg"),
        (b"", "empty.jpg"),
    ],
)
def test_what_is_not_a_jpeg_png_or_webp_is_refused_with_a_clear_message(data, name):
    with pytest.raises(ValidationError) as error:
        clean_image(upload(data, name))
    assert error.value.code == "file_type"
    with translation.override("en"):
        assert "JPEG, PNG or WebP" in error.value.messages[0]
    with translation.override("nl"):
        assert error.value.messages[0]


def test_a_gif_image_is_refused_by_content_even_when_named_jpg():
    output = io.BytesIO()
    Image.new("RGB", (10, 10)).save(output, format="GIF")
    with pytest.raises(ValidationError):
        clean_image(upload(output.getvalue(), "photo.jpg"))


def test_too_many_bytes_is_refused(settings):
    settings.VILLAGE_UPLOAD_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (1024 * 1024 + 10), content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        clean_image(big)
    assert error.value.code == "file_too_big"
    with translation.override("en"):
        assert "smaller than 1 MB" in error.value.messages[0]


def test_too_many_pixels_is_refused(settings):
    settings.VILLAGE_UPLOAD_MAX_PIXELS = 100
    with pytest.raises(ValidationError) as error:
        clean_image(upload(photo_bytes(size=(20, 20))))
    assert error.value.code == "too_many_pixels"


@pytest.mark.django_db
def test_images_uploaded_in_wagtail_lose_their_location(tmp_path):
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    Image_ = get_image_model()
    image = Image_(title="Zomerkamp", collection=Collection.get_first_root_node())
    image.file = SimpleUploadedFile("kamp.jpg", photo_bytes(size=(40, 20), orientation=6))
    image._set_image_file_metadata()
    image.save()
    image.refresh_from_db()
    with image.file.open("rb") as stored:
        data = stored.read()
    with Image.open(io.BytesIO(data)) as after:
        assert not after.getexif().get_ifd(GPS_IFD)
        assert after.size == (20, 40)
    assert b"PhoneMaker" not in data
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == len(data)

    # Saving it again (a new title) does not re-encode the stored file.
    name = image.file.name
    image.title = "Zomerkamp 2026"
    image.save()
    assert image.file.name == name
