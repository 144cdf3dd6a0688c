"""What an attached file is, checked from its bytes (practices/submission/files.py)."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from practices.submission.files import check_upload, clean_name

from . import samples


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English, whatever an earlier test left active."""
    with translation.override("en"):
        yield


def upload(name, data):
    return SimpleUploadedFile(name, data)


def error_of(file):
    with pytest.raises(ValidationError) as caught:
        check_upload(file)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(("name", "data", "extension"), [
    ("report.pdf", samples.SAMPLE_PDF.read_bytes(), "pdf"),
    ("report.DOCX", samples.docx_bytes(), "docx"),
    ("notes.odt", samples.odf_bytes("text"), "odt"),
    ("budget.ods", samples.odf_bytes("spreadsheet"), "ods"),
    ("slides.odp", samples.odf_bytes("presentation"), "odp"),
    ("old.doc", samples.ole2_bytes("Root Entry", "WordDocument"), "doc"),
    ("old.xls", samples.ole2_bytes("Root Entry", "Workbook"), "xls"),
    ("old.ppt", samples.ole2_bytes("Root Entry", "PowerPoint Document"), "ppt"),
    ("photo.jpeg", samples.image_bytes("JPEG"), "jpg"),
    ("chart.png", samples.image_bytes("PNG"), "png"),
    ("chart.webp", samples.image_bytes("WEBP"), "webp"),
    ("chart.gif", samples.image_bytes("GIF"), "gif"),
])
def test_accepted_files_keep_the_type_of_their_content(name, data, extension):
    checked = check_upload(upload(name, data))
    assert checked.extension == extension
    assert checked.title == name.rsplit(".", 1)[0]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "is not in PDF format"),
    ("photo.png", b"just some text, not an image", "is not in PNG format"),
    ("report.pdf", samples.image_bytes("PNG"), "is not in PDF format"),
    ("report.xlsx", samples.docx_bytes(), "is not in Excel format"),
    ("notes.odt", samples.odf_bytes("spreadsheet"), "OpenDocument text"),
    ("report.docx", samples.zipped({"word/document.xml": "x"}), "is not in Word format"),
    ("report.docx", b"PK\x03\x04 broken archive", "is not in Word format"),
    ("setup.doc", samples.ole2_bytes("Root Entry", "SummaryInformation"), "is not in Word format"),
    ("sheet.xls", samples.ole2_bytes("Root Entry", "WordDocument"), "is not in Excel format"),
    ("page.html", b"<script>alert(1)</script>", "not a type of file we accept"),
    ("tool.exe", b"MZ\x90\x00", "not a type of file we accept"),
    ("no-extension", samples.SAMPLE_PDF.read_bytes(), "not a type of file we accept"),
    ("macro.docx", samples.docx_bytes(macros=True), "contains macros"),
    ("macro.doc", samples.ole2_bytes("WordDocument", "_VBA_PROJECT"), "contains macros"),
    ("empty.pdf", b"", "is empty"),
])
def test_refused_files_say_why(name, data, message):
    assert message in error_of(upload(name, data))


def test_size_limit_default_is_20_mb_and_boundary_is_inclusive(settings):
    limit = 20 * 1024 * 1024
    assert settings.HUB_SUBMISSION_MAX_UPLOAD_SIZE == limit
    # The size Django measured is what counts; set it rather than sending 20 MB.
    at_limit = samples.pdf()
    at_limit.size = limit
    assert check_upload(at_limit).extension == "pdf"
    over = samples.pdf()
    over.size = limit + 1
    assert "is too large: files can be at most 20.0" in error_of(over)


def test_image_is_reencoded_without_metadata():
    original = samples.image_bytes("JPEG", size=(30, 10), exif=True)
    assert Image.open(io.BytesIO(original)).getexif()[samples.EXIF_MAKE] == "SecretCam 3000"
    checked = check_upload(upload("holiday.jpg", original))
    stored = checked.content.read()
    assert stored != original
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert not image.getexif() and "comment" not in image.info
    # The orientation was applied to the pixels before the EXIF went.
    assert image.size == (10, 30)


def test_png_metadata_is_dropped():
    checked = check_upload(upload("chart.png", samples.image_bytes("PNG", exif=True)))
    image = Image.open(io.BytesIO(checked.content.read()))
    assert image.format == "PNG" and not image.getexif()


def test_animated_gif_stays_animated():
    frames = [Image.new("RGB", (8, 8), colour)
              for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], duration=100)
    assert Image.open(io.BytesIO(output.getvalue())).n_frames == 3
    checked = check_upload(upload("anim.gif", output.getvalue()))
    assert Image.open(io.BytesIO(checked.content.read())).n_frames == 3


def test_too_many_pixels_is_refused_before_decoding(settings):
    settings.HUB_SUBMISSION_MAX_IMAGE_PIXELS = 100
    assert "too many pixels" in error_of(samples.png(size=(20, 20)))


def png_claiming(width, height):
    """A real small PNG whose header claims other dimensions (a decompression bomb's shape)."""
    data = bytearray(samples.image_bytes("PNG", size=(4, 4)))
    ihdr = 8 + 8  # signature, then chunk length and type
    data[ihdr:ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr - 4:ihdr + 13]))
    data[ihdr + 13:ihdr + 17] = struct.pack(">I", crc)
    return bytes(data)


def test_decompression_bomb_is_refused():
    assert "too many pixels" in error_of(upload("bomb.png", png_claiming(100_000, 100_000)))


def test_damaged_image_is_refused():
    data = samples.image_bytes("PNG", size=(64, 64))
    assert "not a valid image" in error_of(upload("cut.png", data[:60]))


@pytest.mark.parametrize(("name", "cleaned"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\amal\\report.pdf", "report.pdf"),
    ("evil\u202egpj.exe", "evilgpj.exe"),
    ("  spaced   out .pdf ", "spaced out .pdf"),
    ("تقرير سنوي.pdf", "تقرير سنوي.pdf"),
])
def test_file_names_are_reduced_to_a_plain_title(name, cleaned):
    assert clean_name(name) == cleaned
