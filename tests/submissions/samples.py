"""Small real files for upload tests, made on the spot (Pillow, zipfile) or read from the repo."""

import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SAMPLE_PDF = Path(__file__).resolve().parent.parent / "guidance" / "sample.pdf"
EXIF_MAKE, EXIF_GPS_IFD = 0x010F, 0x8825


def pdf(name="Annual report.pdf"):
    return SimpleUploadedFile(name, SAMPLE_PDF.read_bytes(), content_type="application/pdf")


def image_bytes(fmt="PNG", size=(24, 16), colour=(200, 30, 30), exif=False, **options):
    image = Image.new("RGB", size, colour)
    if exif:
        data = Image.Exif()
        data[EXIF_MAKE] = "SecretCam 3000"
        data[0x0112] = 6  # orientation: rotated 90°
        options["exif"] = data.tobytes()
    if fmt == "JPEG":
        options.setdefault("comment", b"taken at home")
    output = io.BytesIO()
    image.save(output, fmt, **options)
    return output.getvalue()


def png(name="Chart.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def zipped(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return output.getvalue()


def docx_bytes(macros=False):
    members = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    if macros:
        members["word/vbaProject.bin"] = b"\x00" * 10
    return zipped(members)


def odf_bytes(kind="text"):
    return zipped({"mimetype": f"application/vnd.oasis.opendocument.{kind}",
                   "content.xml": "<office:document-content/>"})


def ole2_bytes(*streams):
    """The OLE2 signature and directory names: enough for the hub's check, not for Word."""
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body


def media_files():
    """Every file under the test settings' MEDIA_ROOT (to compare before and after)."""
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
