//! How the text of each language is cut into the terms the index holds, and a query's words
//! with it: words stemmed by the Snowball algorithm of their language (English, French,
//! Spanish, Russian, Arabic), Chinese, which has no spaces between its words, in overlapping
//! pairs of characters (a query's characters make the same pairs, in order, as a phrase).

use crate::model::Language;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language as Snowball, LowerCaser, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The name a language's analyzer is registered under, and its text field is named after.
pub fn analyzer_name(language: Language) -> &'static str {
    match language {
        Language::Arabic => "text_ar",
        Language::Chinese => "text_zh",
        Language::English => "text_en",
        Language::French => "text_fr",
        Language::Russian => "text_ru",
        Language::Spanish => "text_es",
    }
}

/// The analyzer of a language.
pub fn analyzer(language: Language) -> TextAnalyzer {
    let words = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
    };
    match language {
        Language::English => words().filter(Stemmer::new(Snowball::English)).build(),
        // Stemmed with their accents, then folded, so that `developpement` finds
        // `développement`.
        Language::French => words()
            .filter(Stemmer::new(Snowball::French))
            .filter(AsciiFoldingFilter)
            .build(),
        Language::Spanish => words()
            .filter(Stemmer::new(Snowball::Spanish))
            .filter(AsciiFoldingFilter)
            .build(),
        Language::Russian => words().filter(Stemmer::new(Snowball::Russian)).build(),
        // The Arabic algorithm removes the short vowels and tatweel and normalises the forms
        // of alef before it strips affixes; the conjunction `و` (and), written joined to the
        // word after it, comes off first (`والأشخاص` is `الأشخاص`).
        Language::Arabic => TextAnalyzer::builder(ArabicWords)
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(Snowball::Arabic))
            .build(),
        Language::Chinese => TextAnalyzer::builder(Bigrams)
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
    }
}

/// Words as [`SimpleTokenizer`] cuts them (runs of letters and digits), an Arabic word's
/// leading `و` (and) taken off when three letters or more remain, as light stemmers of Arabic
/// do: the conjunction is written joined to the word it links.
#[derive(Clone, Default)]
pub struct ArabicWords;

impl Tokenizer for ArabicWords {
    type TokenStream<'a> = TokenList;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TokenList {
        let mut tokens = TokenList::default();
        let mut start = None;
        let bounds = text
            .char_indices()
            .map(|(at, c)| (at, c.is_alphanumeric()))
            .chain(std::iter::once((text.len(), false)));
        for (at, in_word) in bounds {
            match (start, in_word) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    let word = &text[from..at];
                    let bare = word
                        .strip_prefix('و')
                        .filter(|rest| rest.chars().count() >= 3)
                        .unwrap_or(word);
                    tokens.push(from, at, bare);
                    start = None;
                }
                _ => {}
            }
        }
        tokens
    }
}

/// Chinese text as overlapping pairs of Han characters (`气候变化` → `气候 候变 变化`), a lone
/// character as itself; runs of letters or digits in it (`A/75/414`, `COVID`) as words.
#[derive(Clone, Default)]
pub struct Bigrams;

/// Tokens cut ahead, handed out in order.
#[derive(Default)]
pub struct TokenList {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenList {
    /// A token for `text[from..to]`, as `term`.
    fn push(&mut self, from: usize, to: usize, term: &str) {
        self.tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position: self.tokens.len(),
            text: term.to_string(),
            position_length: 1,
        });
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

impl Tokenizer for Bigrams {
    type TokenStream<'a> = TokenList;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TokenList {
        let mut tokens = TokenList::default();
        let mut push = |from: usize, to: usize| tokens.push(from, to, &text[from..to]);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |k: usize| chars.get(k + 1).map_or(text.len(), |&(at, _)| at);
        let mut k = 0;
        while k < chars.len() {
            let (at, c) = chars[k];
            if is_han(c) {
                let run_start = k;
                while k < chars.len() && is_han(chars[k].1) {
                    k += 1;
                }
                if k - run_start == 1 {
                    push(at, end_of(run_start));
                }
                // Each two characters side by side, a bigram.
                for (i, &(at, _)) in chars.iter().enumerate().take(k).skip(run_start) {
                    if i + 1 < k {
                        push(at, end_of(i + 1));
                    }
                }
            } else if c.is_alphanumeric() {
                let start = k;
                while k < chars.len() && chars[k].1.is_alphanumeric() && !is_han(chars[k].1) {
                    k += 1;
                }
                push(chars[start].0, end_of(k - 1));
            } else {
                k += 1;
            }
        }
        tokens
    }
}

impl TokenStream for TokenList {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(language: Language, text: &str) -> Vec<String> {
        let mut a = analyzer(language);
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn chinese_is_cut_into_pairs_and_keeps_latin_words() {
        assert_eq!(
            terms(Language::Chinese, "气候变化 和 A/75/414"),
            ["气候", "候变", "变化", "和", "a", "75", "414"]
        );
    }

    #[test]
    fn words_are_stemmed_in_their_language() {
        assert_eq!(
            terms(Language::English, "Requests reports"),
            ["request", "report"]
        );
        // Accents folded after stemming: a query typed without them finds the printed words.
        assert_eq!(
            terms(Language::French, "développement"),
            terms(Language::French, "developpement")
        );
        assert_eq!(
            terms(Language::French, "droits de l'enfant")[2..],
            ["l", "enfant"]
        );
        assert_eq!(
            terms(Language::Russian, "государств"),
            terms(Language::Russian, "государства")
        );
        assert_eq!(
            terms(Language::Spanish, "Naciones Unidas"),
            terms(Language::Spanish, "nación unida")
        );
        // The definite article and a suffix come off: `الأمم` (the nations) and `أمم`.
        assert_eq!(
            terms(Language::Arabic, "الأمم"),
            terms(Language::Arabic, "أمم")
        );
        // And the conjunction joined to a word, but not a word's own first letter.
        assert_eq!(
            terms(Language::Arabic, "والأشخاص"),
            terms(Language::Arabic, "الأشخاص")
        );
        assert_ne!(
            terms(Language::Arabic, "ولد"),
            terms(Language::Arabic, "لد")
        );
    }
}
