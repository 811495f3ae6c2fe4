//! PDF/A-3b with an embedded file: what turns an invoice into a Factur-X file.
//!
//! Beyond an ordinary document: uncompressed XMP metadata (`pdfaid:part` 3, `conformance` B, the
//! Factur-X `fx:` properties and the `pdfaExtension` schema that declares them, the same title,
//! author, subject, tool and dates as the information dictionary), an sRGB OutputIntent
//! (`core/icc/sRGB.icc`, from Debian's `icc-profiles-free`, zlib licence), the embedded file as
//! a FileSpec with `/AFRelationship` and `/EF` `/F` + `/UF`, its stream with its MIME subtype
//! and `/Params` (`/Size`, `/ModDate`), listed in the catalog's `/Names /EmbeddedFiles` and
//! `/AF`, and a trailer `/ID`. Everything comes from the document (no clock): the bytes are
//! reproducible.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use pdf_writer::types::{AssociationKind, OutputIntentSubtype};
use pdf_writer::writers::Catalog;
use pdf_writer::{Chunk, Filter, Finish, Name, Ref, Str, TextStr};
use sha2::{Digest, Sha256};
use xmp_writer::{CustomNamespace, Namespace, XmpWriter};

/// The sRGB profile of the OutputIntent, compressed once.
static SRGB: LazyLock<Vec<u8>> =
    LazyLock::new(|| super::deflate::deflate(include_bytes!("../../icc/sRGB.icc")));

/// A file embedded in a PDF/A-3 document, and the Factur-X metadata describing it.
#[derive(Debug, Clone)]
pub(crate) struct Archive {
    /// The file's bytes (the CII XML).
    pub(crate) data: Vec<u8>,
    /// Its name (`factur-x.xml`).
    pub(crate) file_name: &'static str,
    /// Its MIME type (`text/xml`).
    pub(crate) mime: &'static str,
    /// What it is, for the FileSpec's `/Desc`.
    pub(crate) description: String,
    /// The Factur-X document type (`INVOICE`).
    pub(crate) document_type: &'static str,
    /// The Factur-X version (`1.0`).
    pub(crate) version: &'static str,
    /// The Factur-X profile (`EN 16931`).
    pub(crate) conformance_level: &'static str,
}

/// What the document says about itself, repeated in the XMP metadata.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta<'a> {
    pub(crate) title: &'a str,
    pub(crate) author: &'a str,
    pub(crate) subject: &'a str,
    pub(crate) lang: &'a str,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) producer: &'a str,
}

/// The objects an archive adds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ids {
    metadata: Ref,
    profile: Ref,
    spec: Ref,
    file: Ref,
}

const FX_URL: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

fn fx() -> Namespace<'static> {
    Namespace::Custom(Box::new(CustomNamespace::new(
        "Factur-X PDFA Extension",
        "fx",
        FX_URL,
    )))
}

/// The document's date at midnight UTC, as the information dictionary writes it.
pub(crate) fn pdf_date(date: NaiveDate) -> pdf_writer::Date {
    pdf_writer::Date::new(u16::try_from(date.year()).unwrap_or(2000))
        .month(u8::try_from(date.month()).unwrap_or(1))
        .day(u8::try_from(date.day()).unwrap_or(1))
        .hour(0)
        .minute(0)
        .second(0)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

fn xmp_date(date: NaiveDate) -> xmp_writer::DateTime {
    xmp_writer::DateTime {
        year: u16::try_from(date.year()).unwrap_or(2000),
        month: u8::try_from(date.month()).ok(),
        day: u8::try_from(date.day()).ok(),
        hour: Some(0),
        minute: Some(0),
        second: Some(0),
        timezone: Some(xmp_writer::Timezone::Utc),
    }
}

impl Archive {
    /// Reserves the archive's objects.
    pub(crate) fn ids(&self, next: &mut impl FnMut() -> Ref) -> Ids {
        Ids {
            metadata: next(),
            profile: next(),
            spec: next(),
            file: next(),
        }
    }

    /// The catalog's entries: `/Metadata`, `/OutputIntents`, `/Names /EmbeddedFiles`, `/AF`.
    pub(crate) fn catalog(&self, catalog: &mut Catalog<'_>, ids: Ids) {
        catalog.metadata(ids.metadata);
        catalog
            .output_intents()
            .push()
            .subtype(OutputIntentSubtype::PDFA)
            .output_condition_identifier(TextStr("sRGB"))
            .info(TextStr("sRGB IEC61966-2.1"))
            .dest_output_profile(ids.profile);
        catalog
            .names()
            .embedded_files()
            .names()
            .insert(Str(self.file_name.as_bytes()), ids.spec);
        catalog.insert(Name(b"AF")).array().item(ids.spec);
    }

    /// The trailer's `/ID`: a hash of the document's title and of the embedded file as stored
    /// (compressed: a fifth of the bytes to hash), so the same document keeps it.
    fn file_id(title: &str, stored: &[u8]) -> Vec<u8> {
        let mut hash = Sha256::new();
        hash.update(title.as_bytes());
        hash.update([0]);
        hash.update(stored);
        hash.finalize()
            .get(..16)
            .map(<[u8]>::to_vec)
            .unwrap_or_default()
    }

    /// The XMP metadata, the ICC profile, the FileSpec and the embedded file; returns the
    /// trailer's `/ID`.
    pub(crate) fn write(&self, chunk: &mut Chunk, ids: Ids, info: &Meta<'_>) -> Vec<u8> {
        let xmp = self.xmp(info);
        chunk
            .metadata(ids.metadata, xmp.as_bytes())
            .pair(Name(b"Subtype"), Name(b"XML"));
        chunk
            .icc_profile(ids.profile, &SRGB)
            .n(3)
            .filter(Filter::FlateDecode);
        let mut spec = chunk.file_spec(ids.spec);
        spec.path(Str(self.file_name.as_bytes()))
            .unic_file(TextStr(self.file_name))
            .description(TextStr(&self.description))
            .embedded_file_with_unicode(ids.file)
            .association_kind(AssociationKind::Alternative);
        spec.finish();
        let compressed = super::deflate::deflate(&self.data);
        let mut file = chunk.embedded_file(ids.file, &compressed);
        file.subtype(Name(self.mime.as_bytes()));
        file.filter(Filter::FlateDecode);
        let mut params = file.params();
        params.size(i32::try_from(self.data.len()).unwrap_or(i32::MAX));
        if let Some(date) = info.date {
            params.modification_date(pdf_date(date));
        }
        params.finish();
        file.finish();
        Archive::file_id(info.title, &compressed)
    }

    fn xmp(&self, info: &Meta<'_>) -> String {
        let mut xmp = XmpWriter::new();
        xmp.title([(None, info.title)]);
        xmp.creator([info.author]);
        xmp.description([(None, info.subject)]);
        if !info.lang.is_empty() {
            xmp.language([xmp_writer::LangId(info.lang)]);
        }
        xmp.creator_tool("hospes");
        xmp.producer(info.producer);
        if let Some(date) = info.date {
            xmp.create_date(xmp_date(date));
            xmp.modify_date(xmp_date(date));
        }
        xmp.pdfa_part(3);
        xmp.pdfa_conformance("B");
        xmp.element("DocumentType", fx()).value(self.document_type);
        xmp.element("DocumentFileName", fx()).value(self.file_name);
        xmp.element("Version", fx()).value(self.version);
        xmp.element("ConformanceLevel", fx())
            .value(self.conformance_level);
        let mut schemas = xmp.extension_schemas();
        let mut schema = schemas.add_schema();
        schema.namespace(fx());
        let mut properties = schema.properties();
        for (name, description) in [
            ("DocumentFileName", "The name of the embedded XML document"),
            (
                "DocumentType",
                "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER",
            ),
            (
                "Version",
                "The actual version of the standard applying to the embedded XML document",
            ),
            (
                "ConformanceLevel",
                "The conformance level of the embedded XML document",
            ),
        ] {
            properties
                .add_property()
                .name(name)
                .value_type("Text")
                .category(false)
                .description(description);
        }
        properties.finish();
        schema.finish();
        schemas.finish();
        xmp.finish(None)
    }
}
