"""What an attached file really is, whatever its name says.

A file is accepted when its size is within ``HUB_SUBMISSION_MAX_UPLOAD_SIZE``, its extension is
one we accept, and its content agrees with that extension:

- PDF starts with ``%PDF-`` and pypdf reads its structure (cross-reference table, trailer, at
  least one page): an HTML file that starts with ``%PDF-`` is refused;
- legacy Office files (.doc, .xls, .ppt) are OLE2 compound files whose directory names the
  stream of the claimed program (``WordDocument``, ``Workbook``/``Book``, ``PowerPoint
  Document``). The names are looked for as UTF-16 bytes rather than by walking the compound
  file's sector chains: enough to tell an Office file from another OLE2 file (an .msi, say);
- Office Open XML and OpenDocument files are zip archives with ``[Content_Types].xml`` and the
  program's folder (``word/``, ``xl/``, ``ppt/``), or a ``mimetype`` member naming the type.
  Only the archive's directory and the tiny ``mimetype`` member are read, never decompressed
  wholesale, so a zip bomb costs nothing. Files carrying macros are refused, and so are archives
  with members their format does not define (``payload.exe`` next to ``word/``, say);
- images (JPEG, PNG, WebP, GIF) are opened by Pillow in their own format only, verified, and
  re-encoded: the stored file is a fresh encoding of the pixels, without EXIF (GPS position,
  camera serial numbers), XMP or comments. ``HUB_SUBMISSION_MAX_IMAGE_PIXELS`` (and Pillow's own
  ``Image.MAX_IMAGE_PIXELS`` guard) refuses decompression bombs before any pixel is decoded. It
  is also the memory budget: one image is decoded at a time, at most 4 bytes a pixel and one
  copy (orientation), so a request never holds more than 8 × that many bytes of pixels
  (24 million pixels by default: about 190 MB).

The user's file name is never used to store anything: ``clean_name`` keeps a readable title.
"""

import io
import os
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from pypdf import PdfReader

# Accepted extension → (family, what its content must be, label for messages).
EXTENSIONS = {
    "pdf": ("document", "pdf", "PDF"),
    "doc": ("document", "doc", "Word"),
    "docx": ("document", "docx", "Word"),
    "xls": ("document", "xls", "Excel"),
    "xlsx": ("document", "xlsx", "Excel"),
    "ppt": ("document", "ppt", "PowerPoint"),
    "pptx": ("document", "pptx", "PowerPoint"),
    "odt": ("document", "odt", _("OpenDocument text")),
    "ods": ("document", "ods", _("OpenDocument spreadsheet")),
    "odp": ("document", "odp", _("OpenDocument presentation")),
    "jpg": ("image", "jpeg", "JPEG"),
    "jpeg": ("image", "jpeg", "JPEG"),
    "png": ("image", "png", "PNG"),
    "webp": ("image", "webp", "WebP"),
    "gif": ("image", "gif", "GIF"),
}
# Detected content → extension of the stored file.
STORED_EXTENSION = {"jpeg": "jpg"}
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
ACCEPT = ",".join("." + extension for extension in EXTENSIONS)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE2_STREAMS = {
    "doc": ("WordDocument",),
    "xls": ("Workbook", "Book"),
    "ppt": ("PowerPoint Document",),
}
OLE2_MACROS = "_VBA_PROJECT"
OOXML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
# What an Office Open XML package may hold besides its program's folder (ECMA-376 part 2).
OOXML_MEMBERS = ("[Content_Types].xml", "_rels/", "docProps/", "customXml/")
# What an OpenDocument package may hold (ODF 1.3 part 2 and what LibreOffice writes).
ODF_MEMBERS = (
    "mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml", "manifest.rdf",
    "META-INF/", "Pictures/", "Thumbnails/", "Configurations2/", "Object ", "ObjectReplacements/",
    "layout-cache",
)
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
# Image metadata worth keeping: how the pixels look, nothing about who took them or where.
KEPT_IMAGE_INFO = ("transparency", "icc_profile", "duration", "loop", "background")
MACROS = object()


# The limits are settings (config/settings/base.py, from the environment), read at each use.
def max_upload_size():
    return settings.HUB_SUBMISSION_MAX_UPLOAD_SIZE


def max_image_pixels():
    return settings.HUB_SUBMISSION_MAX_IMAGE_PIXELS


def max_files():
    return settings.HUB_SUBMISSION_MAX_FILES


@dataclass
class CheckedFile:
    """A file that passed every check, ready to be stored under a generated name."""

    family: str  # "document" or "image"
    extension: str  # of the stored file, from the content
    title: str  # the user's file name, cleaned, without its extension
    content: object  # a Django File: the upload itself, or the re-encoded image


def clean_name(name):
    """The last path component of a user's file name, without control or direction characters.

    Only ever used as a title (escaped on output), never as a path.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    return " ".join(name.split()).strip(" .")[:150]


def _contains(upload, needles, chunk_size=1024 * 1024):
    """Which of ``needles`` (bytes) occur in the file, reading it in overlapping chunks."""
    overlap = max(len(needle) for needle in needles) - 1
    found, tail = set(), b""
    upload.seek(0)
    while chunk := upload.read(chunk_size):
        window = tail + chunk
        found.update(needle for needle in needles if needle in window)
        tail = window[-overlap:]
    return found


def _utf16(name):
    return name.encode("utf-16-le") + b"\x00\x00"


def _ole2_type(upload, claimed):
    markers = {_utf16(name): kind for kind, names in OLE2_STREAMS.items() for name in names}
    macros = _utf16(OLE2_MACROS)
    found = _contains(upload, [*markers, macros])
    if macros in found:
        return MACROS
    kinds = {markers[needle] for needle in found if needle in markers}
    return claimed if claimed in kinds else next(iter(sorted(kinds)), None)


def _only(names, allowed):
    """Whether every member is one of ``allowed`` (names, or folders ending in "/")."""
    return all(name.startswith(allowed) for name in names)


def _zip_type(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if any(name.lower().endswith("vbaproject.bin")
                   or name.startswith(("Basic/", "Scripts/")) for name in names):
                return MACROS
            if "[Content_Types].xml" in names:
                for folder, kind in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return kind if _only(names, (*OOXML_MEMBERS, folder)) else None
                return None
            if "mimetype" in names:
                if not _only(names, ODF_MEMBERS):
                    return None
                with archive.open("mimetype") as member:
                    return ODF_TYPES.get(member.read(100).strip())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError):
        return None
    return None


def _is_pdf(upload):
    """Whether pypdf reads a PDF's structure: trailer, cross-references, at least one page.

    Non-strict, as PDF readers are: small repairable faults pass, a file that only starts like a
    PDF does not. Pages are counted, never rendered; nothing is decompressed but the page tree.
    """
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(PdfReader(upload, strict=False).pages) > 0
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error on bad input
        return False


def detect(upload, claimed):
    """The type of the content (a key of ``EXTENSIONS``' second column), ``MACROS`` or None."""
    upload.seek(0)
    head = upload.read(16)
    if head.startswith(b"%PDF-"):
        return "pdf" if _is_pdf(upload) else None
    if head.startswith(OLE2_MAGIC):
        return _ole2_type(upload, claimed)
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _reencode(upload, kind, name):
    """The image's pixels in a new file of the same format, without its metadata."""
    damaged = ValidationError(
        _("“%(name)s” is not a valid image, or it is damaged."), params={"name": name},
    )
    too_big = ValidationError(
        _("“%(name)s” has too many pixels (at most %(limit)s million)."),
        params={"name": name, "limit": max_image_pixels() // 1_000_000},
    )
    pillow_format = PILLOW_FORMATS[kind]
    with warnings.catch_warnings():
        # Pillow warns above MAX_IMAGE_PIXELS and raises above twice that: refuse both.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload, formats=[pillow_format]) as probe:
                probe.verify()
            upload.seek(0)
            with Image.open(upload, formats=[pillow_format]) as image:
                frames = getattr(image, "n_frames", 1)
                if image.width * image.height * frames > max_image_pixels():
                    raise too_big
                image.load()
                if kind == "jpeg":
                    image = ImageOps.exif_transpose(image)  # keep the orientation, drop EXIF
                kept = {key: image.info[key] for key in KEPT_IMAGE_INFO if key in image.info}
                image.info = dict(kept)
                options = {"format": pillow_format}
                if frames > 1:
                    options["save_all"] = True
                if kind in ("jpeg", "webp"):
                    options["quality"] = 90
                if "icc_profile" in kept and kind != "gif":
                    options["icc_profile"] = kept["icc_profile"]
                output = io.BytesIO()
                image.save(output, **options)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_big from None
        except ValidationError:
            raise
        except Exception:  # noqa: BLE001 - Pillow raises many kinds of error on bad input
            raise damaged from None
    return ContentFile(output.getvalue())


def check_upload(upload):
    """A ``CheckedFile`` for an uploaded file, or a ``ValidationError`` saying what is wrong."""
    display_name = clean_name(upload.name) or "?"
    params = {"name": display_name}
    if upload.size > max_upload_size():
        raise ValidationError(
            _("“%(name)s” is too large: files can be at most %(limit)s."),
            params={**params, "limit": filesizeformat(max_upload_size())},
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty."), params=params)
    title, extension = os.path.splitext(display_name)
    extension = extension.lstrip(".").lower()
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” is not a type of file we accept. Attach PDF, Word, Excel, PowerPoint "
              "or OpenDocument files, or JPEG, PNG, WebP or GIF images."),
            params=params,
        )
    family, expected, label = EXTENSIONS[extension]
    detected = detect(upload, extension)
    if detected is MACROS:
        raise ValidationError(
            _("“%(name)s” contains macros, which we do not accept: save it without macros "
              "(or as PDF) and attach it again."),
            params=params,
        )
    if detected != expected:
        raise ValidationError(
            _("The content of “%(name)s” is not in %(type)s format, whatever its name says."),
            params={**params, "type": label},
        )
    content = _reencode(upload, detected, display_name) if family == "image" else upload
    content.seek(0)
    return CheckedFile(
        family=family,
        extension=STORED_EXTENSION.get(detected, detected),
        title=title.strip() or str(_("Attachment")),
        content=content,
    )
