//! A mail's context read and checked once, for the several mails a guest receives.

use std::sync::{Arc, Mutex, PoisonError};

use crate::error::Result;
use crate::mail::context::MailContext;

/// The values a prepared context keeps, per compiled version: at most this many.
const KEPT: usize = 8;

/// Which compiled template's version: its id and the version's index.
type VersionKey = (u64, usize);

/// A mail's context read and checked once — its links included — to render any number of
/// mails to one guest with [`CompiledMail::render_prepared`](crate::mail::CompiledMail::render_prepared),
/// as a host sending a guest the confirmation, the reminder and the invoice mail would. The
/// values a template shows (dates and amounts formatted in its language, labels) are worked out
/// on the first mail of each template and language and kept for the next ones, at most eight.
///
/// ```
/// use hospes::mail::{MailContext, MailLinks, PreparedContext};
/// let data: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/mail.json")).unwrap();
/// let mut context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
/// assert!(PreparedContext::new(context.clone()).is_ok());
/// context.links = MailLinks { portal: Some("javascript:alert(1)".into()), ..Default::default() };
/// assert_eq!(PreparedContext::new(context).unwrap_err().code(), "mail.link_invalid");
/// ```
pub struct PreparedContext {
    context: MailContext,
    kept: Mutex<Vec<(VersionKey, Arc<tera::Context>)>>,
}

impl PreparedContext {
    /// Checks `context` once: a link that is not a web address is refused
    /// (`mail.link_invalid`), as [`CompiledMail::render`](crate::mail::CompiledMail::render)
    /// refuses it.
    ///
    /// ```
    /// # use hospes::mail::{MailContext, PreparedContext};
    /// # let data: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/mail.json")).unwrap();
    /// let context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
    /// let prepared = PreparedContext::new(context).unwrap();
    /// ```
    pub fn new(context: MailContext) -> Result<PreparedContext> {
        context.links.check()?;
        Ok(PreparedContext {
            context,
            kept: Mutex::new(Vec::new()),
        })
    }

    /// The records it was prepared from.
    ///
    /// ```
    /// # use hospes::mail::{MailContext, PreparedContext};
    /// # let data: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/mail.json")).unwrap();
    /// let context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
    /// assert_eq!(PreparedContext::new(context.clone()).unwrap().context(), &context);
    /// ```
    pub fn context(&self) -> &MailContext {
        &self.context
    }

    /// The values of version `key`, worked out by `build` the first time; a refusal (a value
    /// the template needs is missing) is not kept. Only ever filled with what `build` gives for
    /// this context, so a lock poisoned by a panic elsewhere holds nothing torn.
    pub(crate) fn values(
        &self,
        key: VersionKey,
        build: impl FnOnce() -> Result<tera::Context>,
    ) -> Result<Arc<tera::Context>> {
        let kept = |list: &Vec<(VersionKey, Arc<tera::Context>)>| {
            list.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, values)| Arc::clone(values))
        };
        if let Some(values) = kept(&self.kept.lock().unwrap_or_else(PoisonError::into_inner)) {
            return Ok(values);
        }
        let values = Arc::new(build()?);
        let mut list = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if kept(&list).is_none() {
            if list.len() >= KEPT {
                list.remove(0);
            }
            list.push((key, Arc::clone(&values)));
        }
        Ok(values)
    }
}

impl Clone for PreparedContext {
    fn clone(&self) -> PreparedContext {
        PreparedContext {
            context: self.context.clone(),
            kept: Mutex::new(Vec::new()),
        }
    }
}

impl std::fmt::Debug for PreparedContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedContext")
            .field("context", &self.context)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::{CompiledMail, MailTemplate};

    fn data() -> serde_json::Value {
        serde_json::from_str(include_str!("../../tests/data/mail.json")).unwrap()
    }

    #[test]
    fn a_prepared_context_renders_every_template_and_language_as_its_records_do() {
        let data = data();
        let template: MailTemplate = serde_json::from_value(data["template"].clone()).unwrap();
        let mut context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
        let mails: Vec<CompiledMail> = (0..3)
            .map(|_| CompiledMail::compile(&template).unwrap())
            .collect();
        for locale in [crate::Locale::Fr, crate::Locale::En, crate::Locale::Es] {
            context.locale = Some(locale);
            let prepared = PreparedContext::new(context.clone()).unwrap();
            for _ in 0..2 {
                for mail in &mails {
                    assert_eq!(
                        mail.render_prepared(&prepared).unwrap(),
                        mail.render(&context).unwrap()
                    );
                }
            }
            assert_eq!(prepared.kept.lock().unwrap().len(), 3);
        }
    }

    #[test]
    fn at_most_eight_versions_are_kept() {
        let data = data();
        let template: MailTemplate = serde_json::from_value(data["template"].clone()).unwrap();
        let context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
        let prepared = PreparedContext::new(context.clone()).unwrap();
        for _ in 0..20 {
            let mail = CompiledMail::compile(&template).unwrap();
            assert_eq!(
                mail.render_prepared(&prepared).unwrap(),
                mail.render(&context).unwrap()
            );
        }
        assert_eq!(prepared.kept.lock().unwrap().len(), KEPT);
    }

    #[test]
    fn a_missing_value_is_refused_on_every_render_not_kept() {
        let data = data();
        let template: MailTemplate = serde_json::from_value(data["template"].clone()).unwrap();
        let mut context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
        context.stay = None;
        let prepared = PreparedContext::new(context).unwrap();
        let mail = CompiledMail::compile(&template).unwrap();
        for _ in 0..2 {
            assert_eq!(
                mail.render_prepared(&prepared).unwrap_err().code(),
                "mail.value_missing"
            );
        }
        assert!(prepared.kept.lock().unwrap().is_empty());
    }
}
