//! The interface's own words (labels, links, headings) in the six UN languages, for every page
//! people read: a resolution's page speaks its text's language, the portal's pages the
//! visitor's.

use crate::model::Language;

/// A word or phrase of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    SearchTheResolutions,
    Search,
    Browse,
    Words,
    Language,
    Any,
    Session,
    Committee,
    AgendaItem,
    Subject,
    Vote,
    Document,
    Unit,
    Sort,
    Relevance,
    Newest,
    Previous,
    Next,
    NarrowTheResults,
    Results,
    /// `{units}` units in `{groups}` documents.
    UnitsFound,
    /// `{groups}` documents.
    DocumentsFound,
    /// Shown while no session is chosen, where the agenda items would be.
    ChooseASession,
    SearchHelp,
    Plenary,
    RecordedVote,
    WithoutAVote,
    Resolution,
    Decision,
    Draft,
    Title,
    Recital,
    Paragraph,
    SubItem,
    AnnexParagraph,
    Footnote,
    SourceUnitedNations,
    Mandates,
    InFavour,
    Against,
    Abstaining,
    RecordedVotes,
    /// A State's page: its vote on each of the `{n}` recorded votes.
    StateVotesSummary,
    AdoptedWithoutAVote,
    /// `{in_favour}`, `{against}`, `{abstaining}`.
    AdoptedByRecordedVote,
    ChangesFromTheDraft,
    CitedBy,
    NotCited,
    OtherLanguages,
    ItsMandates,
    /// `{whom}`.
    OnBehalfOf,
    ConvertedByUnakn,
    AdoptedAs,
    AdoptedFromTheDraft,
}

/// The words in English, French, Spanish, Russian, Arabic and Chinese, in that order.
const WORDS: &[(Word, [&str; 6])] = &[
    (
        Word::SearchTheResolutions,
        [
            "Search the resolutions",
            "Rechercher dans les résolutions",
            "Buscar en las resoluciones",
            "Поиск по резолюциям",
            "بحث في القرارات",
            "搜索决议",
        ],
    ),
    (
        Word::Search,
        ["Search", "Rechercher", "Buscar", "Найти", "بحث", "搜索"],
    ),
    (
        Word::Browse,
        ["Browse", "Parcourir", "Explorar", "Обзор", "تصفح", "浏览"],
    ),
    (
        Word::Words,
        ["Words", "Mots", "Palabras", "Слова", "الكلمات", "词语"],
    ),
    (
        Word::Language,
        ["Language", "Langue", "Idioma", "Язык", "اللغة", "语文"],
    ),
    (
        Word::Any,
        ["any", "toutes", "todos", "любой", "الكل", "全部"],
    ),
    (
        Word::Session,
        [
            "Session",
            "Session",
            "Período de sesiones",
            "Сессия",
            "الدورة",
            "届会",
        ],
    ),
    (
        Word::Committee,
        [
            "Committee",
            "Commission",
            "Comisión",
            "Комитет",
            "اللجنة",
            "委员会",
        ],
    ),
    (
        Word::AgendaItem,
        [
            "Agenda item",
            "Point de l’ordre du jour",
            "Tema del programa",
            "Пункт повестки дня",
            "البند من جدول الأعمال",
            "议程项目",
        ],
    ),
    (
        Word::Subject,
        ["Subject", "Sujet", "Tema", "Тема", "الموضوع", "主题"],
    ),
    (
        Word::Vote,
        ["Vote", "Vote", "Votación", "Голосование", "التصويت", "表决"],
    ),
    (
        Word::Document,
        ["Document", "Document", "Documento", "Документ", "الوثيقة", "文件"],
    ),
    (
        Word::Unit,
        ["Unit", "Unité", "Unidad", "Фрагмент", "الجزء", "单元"],
    ),
    (
        Word::Sort,
        ["Sort", "Trier", "Ordenar", "Порядок", "الترتيب", "排序"],
    ),
    (
        Word::Relevance,
        [
            "relevance",
            "pertinence",
            "pertinencia",
            "релевантность",
            "الأهمية",
            "相关性",
        ],
    ),
    (
        Word::Newest,
        [
            "newest",
            "plus récentes",
            "más recientes",
            "новые",
            "الأحدث",
            "最新",
        ],
    ),
    (
        Word::Previous,
        [
            "Previous",
            "Précédent",
            "Anterior",
            "Назад",
            "السابق",
            "上一页",
        ],
    ),
    (
        Word::Next,
        ["Next", "Suivant", "Siguiente", "Далее", "التالي", "下一页"],
    ),
    (
        Word::NarrowTheResults,
        [
            "Narrow the results",
            "Affiner les résultats",
            "Acotar los resultados",
            "Уточнить результаты",
            "تضييق النتائج",
            "筛选结果",
        ],
    ),
    (
        Word::Results,
        [
            "Results",
            "Résultats",
            "Resultados",
            "Результаты",
            "النتائج",
            "结果",
        ],
    ),
    (
        Word::UnitsFound,
        [
            "{units} units found in {groups} documents.",
            "{units} unités trouvées dans {groups} documents.",
            "{units} unidades encontradas en {groups} documentos.",
            "Найдено фрагментов: {units}; документов: {groups}.",
            "عدد الأجزاء التي وجدت: {units}؛ عدد الوثائق: {groups}.",
            "在 {groups} 份文件中找到 {units} 个单元。",
        ],
    ),
    (
        Word::DocumentsFound,
        [
            "{groups} documents.",
            "{groups} documents.",
            "{groups} documentos.",
            "Документов: {groups}.",
            "عدد الوثائق: {groups}.",
            "{groups} 份文件。",
        ],
    ),
    (
        Word::ChooseASession,
        [
            "Choose a session to narrow by agenda item.",
            "Choisissez une session pour filtrer par point de l’ordre du jour.",
            "Elija un período de sesiones para filtrar por tema del programa.",
            "Выберите сессию, чтобы уточнить по пункту повестки дня.",
            "اختر دورة للتضييق حسب البند من جدول الأعمال.",
            "选择一届会议即可按议程项目筛选。",
        ],
    ),
    (
        Word::SearchHelp,
        [
            "Words in any of the six languages; a phrase in quotes. Titles, recitals, operative \
             paragraphs and their sub-items, annexes and footnotes are searched.",
            "Des mots dans l’une des six langues ; une expression entre guillemets. La recherche \
             porte sur les titres, les alinéas du préambule, les paragraphes du dispositif et \
             leurs alinéas, les annexes et les notes.",
            "Palabras en cualquiera de los seis idiomas; una frase entre comillas. Se buscan los \
             títulos, los párrafos del preámbulo, los párrafos dispositivos y sus apartados, los \
             anexos y las notas.",
            "Слова на любом из шести языков; фраза в кавычках. Поиск ведется по названиям, \
             пунктам преамбулы, пунктам постановляющей части и их подпунктам, приложениям и \
             сноскам.",
            "كلمات بأي من اللغات الست؛ وعبارة بين علامتي تنصيص. يشمل البحث العناوين وفقرات \
             الديباجة وفقرات المنطوق وفقراتها الفرعية والمرفقات والحواشي.",
            "六种语文中任何一种的词语；短语请加引号。搜索范围包括标题、序言部分、执行部分各段及其分段、附件和脚注。",
        ],
    ),
    (
        Word::Plenary,
        [
            "Plenary",
            "Séance plénière",
            "Sesión plenaria",
            "Пленарное заседание",
            "الجلسة العامة",
            "全体会议",
        ],
    ),
    (
        Word::RecordedVote,
        [
            "recorded vote",
            "vote enregistré",
            "votación registrada",
            "заносимое в отчет голосование",
            "تصويت مسجل",
            "记录表决",
        ],
    ),
    (
        Word::WithoutAVote,
        [
            "without a vote",
            "sans vote",
            "sin votación",
            "без голосования",
            "دون تصويت",
            "未经表决",
        ],
    ),
    (
        Word::Resolution,
        [
            "resolution",
            "résolution",
            "resolución",
            "резолюция",
            "قرار",
            "决议",
        ],
    ),
    (
        Word::Decision,
        ["decision", "décision", "decisión", "решение", "مقرر", "决定"],
    ),
    (
        Word::Draft,
        ["draft", "projet", "proyecto", "проект", "مشروع", "草案"],
    ),
    (
        Word::Title,
        ["title", "titre", "título", "название", "العنوان", "标题"],
    ),
    (
        Word::Recital,
        [
            "recital",
            "alinéa du préambule",
            "párrafo del preámbulo",
            "пункт преамбулы",
            "فقرة من الديباجة",
            "序言部分",
        ],
    ),
    (
        Word::Paragraph,
        ["paragraph", "paragraphe", "párrafo", "пункт", "الفقرة", "段"],
    ),
    (
        Word::SubItem,
        [
            "sub-item",
            "alinéa",
            "apartado",
            "подпункт",
            "فقرة فرعية",
            "分段",
        ],
    ),
    (
        Word::AnnexParagraph,
        [
            "annex paragraph",
            "paragraphe d’annexe",
            "párrafo de anexo",
            "пункт приложения",
            "فقرة من المرفق",
            "附件段落",
        ],
    ),
    (
        Word::Footnote,
        ["footnote", "note", "nota", "сноска", "حاشية", "脚注"],
    ),
    (
        Word::SourceUnitedNations,
        [
            "Source: United Nations.",
            "Source : Organisation des Nations Unies.",
            "Fuente: Naciones Unidas.",
            "Источник: Организация Объединенных Наций.",
            "المصدر: الأمم المتحدة.",
            "来源：联合国。",
        ],
    ),
    (
        Word::Mandates,
        ["Mandates", "Mandats", "Mandatos", "Мандаты", "الولايات", "任务"],
    ),
    (
        Word::InFavour,
        ["In favour", "Pour", "A favor", "За", "المؤيدون", "赞成"],
    ),
    (
        Word::Against,
        ["Against", "Contre", "En contra", "Против", "المعارضون", "反对"],
    ),
    (
        Word::Abstaining,
        [
            "Abstaining",
            "Abstentions",
            "Abstenciones",
            "Воздержались",
            "الممتنعون",
            "弃权",
        ],
    ),
    (
        Word::RecordedVotes,
        [
            "recorded votes",
            "votes enregistrés",
            "votaciones registradas",
            "заносимые в отчет голосования",
            "التصويت المسجل",
            "记录表决",
        ],
    ),
    (
        Word::StateVotesSummary,
        [
            "Its vote on each of the {n} recorded votes in this store that list the States' votes.",
            "Son vote lors de chacun des {n} votes enregistrés de cette base qui indiquent le vote \
             de chaque État.",
            "Su voto en cada una de las {n} votaciones registradas de esta base que indican el \
             voto de cada Estado.",
            "Его голос в каждом из {n} заносимых в отчет голосований этой базы, в которых указаны \
             голоса государств.",
            "تصويتها في كل عملية من عمليات التصويت المسجل في هذه القاعدة التي تبين تصويت الدول، \
             وعددها {n}.",
            "本库所载列明各国投票情况的 {n} 次记录表决中的每一次该国的投票。",
        ],
    ),
    (
        Word::AdoptedWithoutAVote,
        [
            "Adopted without a vote.",
            "Adoptée sans vote.",
            "Aprobada sin votación.",
            "Принята без голосования.",
            "اعتُمد دون تصويت.",
            "未经表决通过。",
        ],
    ),
    (
        Word::AdoptedByRecordedVote,
        [
            "Adopted by a recorded vote of {in_favour} in favour, {against} against and \
             {abstaining} abstaining.",
            "Adoptée à l’issue d’un vote enregistré par {in_favour} voix contre {against}, avec \
             {abstaining} abstentions.",
            "Aprobada en votación registrada por {in_favour} votos contra {against} y \
             {abstaining} abstenciones.",
            "Принята заносимым в отчет голосованием: {in_favour} голосами против {against} при \
             {abstaining} воздержавшихся.",
            "اعتُمد بتصويت مسجل بأغلبية {in_favour} صوتا مقابل {against} وامتناع {abstaining} عن \
             التصويت.",
            "以{in_favour}票赞成、{against}票反对、{abstaining}票弃权的记录表决通过。",
        ],
    ),
    (
        Word::ChangesFromTheDraft,
        [
            "Changes from the draft",
            "Modifications par rapport au projet",
            "Cambios respecto del proyecto",
            "Изменения по сравнению с проектом",
            "التغييرات مقارنة بالمشروع",
            "与草案相比的修改",
        ],
    ),
    (
        Word::CitedBy,
        [
            "Cited by",
            "Cité par",
            "Citado en",
            "Цитируется в",
            "مستشهد به في",
            "引用本文件的文件",
        ],
    ),
    (
        Word::NotCited,
        [
            "No document in this store cites it.",
            "Aucun document de cette base ne le cite.",
            "Ningún documento de esta base lo cita.",
            "Ни один документ этой базы на него не ссылается.",
            "لا توجد وثيقة في هذه القاعدة تستشهد به.",
            "本库中没有引用本文件的文件。",
        ],
    ),
    (
        Word::OtherLanguages,
        [
            "Other languages:",
            "Autres langues :",
            "Otros idiomas:",
            "Другие языки:",
            "لغات أخرى:",
            "其他语文：",
        ],
    ),
    (
        Word::ItsMandates,
        [
            "Its mandates: who it asks to do what, and by when",
            "Ses mandats : à qui il demande quoi, et pour quand",
            "Sus mandatos: a quién pide qué y para cuándo",
            "Его мандаты: кому что поручено и к какому сроку",
            "ولاياته: من يُطلب منه ماذا ومتى",
            "其任务授权：要求谁做什么、何时完成",
        ],
    ),
    (
        Word::OnBehalfOf,
        [
            "On behalf of {whom}.",
            "Au nom de {whom}.",
            "En nombre de {whom}.",
            "От имени {whom}.",
            "باسم {whom}.",
            "代表{whom}。",
        ],
    ),
    (
        Word::ConvertedByUnakn,
        [
            "Converted by unakn; query the data at",
            "Converti par unakn ; interroger les données :",
            "Convertido por unakn; consultar los datos:",
            "Преобразовано unakn; запрос к данным:",
            "حوّله unakn؛ الاستعلام عن البيانات:",
            "由 unakn 转换；查询数据：",
        ],
    ),
    (
        Word::AdoptedAs,
        [
            "Adopted as",
            "Adopté sous la cote",
            "Aprobado como",
            "Принят как",
            "اعتُمد بوصفه",
            "通过为",
        ],
    ),
    (
        Word::AdoptedFromTheDraft,
        [
            "Adopted from the draft",
            "Adoptée à partir du projet",
            "Aprobada a partir del proyecto",
            "Принята на основе проекта",
            "اعتُمد انطلاقا من المشروع",
            "根据草案通过",
        ],
    ),
];

/// The column of a language in [`WORDS`].
fn column(language: Language) -> usize {
    match language {
        Language::English => 0,
        Language::French => 1,
        Language::Spanish => 2,
        Language::Russian => 3,
        Language::Arabic => 4,
        Language::Chinese => 5,
    }
}

/// A word in a language.
pub fn word(language: Language, w: Word) -> &'static str {
    WORDS
        .iter()
        .find(|(x, _)| *x == w)
        .map_or("", |(_, row)| row[column(language)])
}

/// A committee's name (as the model keeps it: `Third Committee`, `Plenary`) in a language; a
/// name it does not know, as it is.
pub fn committee(language: Language, name: &str) -> String {
    const MAIN: [[&str; 6]; 6] = [
        [
            "First Committee",
            "Première Commission",
            "Primera Comisión",
            "Первый комитет",
            "اللجنة الأولى",
            "第一委员会",
        ],
        [
            "Second Committee",
            "Deuxième Commission",
            "Segunda Comisión",
            "Второй комитет",
            "اللجنة الثانية",
            "第二委员会",
        ],
        [
            "Third Committee",
            "Troisième Commission",
            "Tercera Comisión",
            "Третий комитет",
            "اللجنة الثالثة",
            "第三委员会",
        ],
        [
            "Fourth Committee",
            "Quatrième Commission",
            "Cuarta Comisión",
            "Четвертый комитет",
            "اللجنة الرابعة",
            "第四委员会",
        ],
        [
            "Fifth Committee",
            "Cinquième Commission",
            "Quinta Comisión",
            "Пятый комитет",
            "اللجنة الخامسة",
            "第五委员会",
        ],
        [
            "Sixth Committee",
            "Sixième Commission",
            "Sexta Comisión",
            "Шестой комитет",
            "اللجنة السادسة",
            "第六委员会",
        ],
    ];
    if name == "Plenary" {
        return word(language, Word::Plenary).to_string();
    }
    MAIN.iter()
        .find(|row| row[0] == name)
        .map_or_else(|| name.to_string(), |row| row[column(language)].to_string())
}

/// A masthead's agenda line in a language, from the items' numbers as the model keeps them
/// (`27 (b)`): `Agenda items 13 and 27 (b)`, `Points 13 et 27 b) de l’ordre du jour`, `Temas
/// 13 y 27 b) del programa`, `Пункты 13 и 27 b) повестки дня`, `البندان 13 و 27 (ب) من جدول
/// الأعمال`, `议程项目13和27(b)`: as each language's version prints it.
pub fn agenda_line(language: Language, numbers: &[&str]) -> String {
    const ARABIC_LETTERS: &str = "أبجدهوزحطيكل";
    // `27 (b)` as each language writes a sub-item: `27 b)`, `27 (ب)`, `27(b)`.
    let written: Vec<String> = numbers
        .iter()
        .map(|n| {
            let Some((digits, letter)) = n.strip_suffix(')').and_then(|r| r.split_once(" ("))
            else {
                return n.to_string();
            };
            match language {
                Language::English => n.to_string(),
                Language::French | Language::Spanish | Language::Russian => {
                    format!("{digits} {letter})")
                }
                Language::Arabic => {
                    let index = letter
                        .bytes()
                        .next()
                        .map_or(usize::MAX, |b| usize::from(b.wrapping_sub(b'a')));
                    match ARABIC_LETTERS.chars().nth(index) {
                        Some('ه') => format!("{digits} (هـ)"),
                        Some(a) => format!("{digits} ({a})"),
                        None => n.to_string(),
                    }
                }
                Language::Chinese => format!("{digits}({letter})"),
            }
        })
        .collect();
    let many = written.len() > 1;
    let joined = |and: &str| match written.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    };
    match language {
        Language::English => {
            let label = if many { "Agenda items" } else { "Agenda item" };
            format!("{label} {}", joined(" and "))
        }
        Language::French => {
            let label = if many { "Points" } else { "Point" };
            format!("{label} {} de l’ordre du jour", joined(" et "))
        }
        Language::Spanish => {
            let label = if many { "Temas" } else { "Tema" };
            format!("{label} {} del programa", joined(" y "))
        }
        Language::Russian => {
            let label = if many { "Пункты" } else { "Пункт" };
            format!("{label} {} повестки дня", joined(" и "))
        }
        Language::Arabic => {
            let label = match written.len() {
                1 => "البند",
                2 => "البندان",
                _ => "البنود",
            };
            format!("{label} {} من جدول الأعمال", joined(" و "))
        }
        Language::Chinese => format!("议程项目{}", written.join("和")),
    }
}

/// The language a visitor prefers among the six, from an `Accept-Language` header (`fr-CH,
/// fr;q=0.9, en;q=0.8`): the first by weight that is one of them; English when none is.
pub fn preferred(accept_language: Option<&str>) -> Language {
    let mut best: Option<(f32, Language)> = None;
    for range in accept_language.unwrap_or("").split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(language) = Language::from_code(primary) else {
            continue;
        };
        if weight > 0.0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, language));
        }
    }
    best.map_or(Language::English, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_there_in_every_language() {
        for (w, row) in WORDS {
            for (i, text) in row.iter().enumerate() {
                assert!(!text.trim().is_empty(), "{w:?} in column {i}");
            }
        }
        for (i, (w, _)) in WORDS.iter().enumerate() {
            assert!(!WORDS[i + 1..].iter().any(|(x, _)| x == w), "{w:?} twice");
        }
    }

    #[test]
    fn the_visitor_s_language_by_weight() {
        assert_eq!(
            preferred(Some("fr-CH, fr;q=0.9, en;q=0.8")),
            Language::French
        );
        assert_eq!(
            preferred(Some("de-DE, es;q=0.5, ru;q=0.7")),
            Language::Russian
        );
        assert_eq!(preferred(Some("de, ja")), Language::English);
        assert_eq!(preferred(Some("zh-Hans-CN")), Language::Chinese);
        assert_eq!(preferred(Some("ar;q=0, en;q=0.1")), Language::English);
        assert_eq!(preferred(None), Language::English);
    }

    /// The agenda line of A/RES/75/154 as its six versions print it (Source: United Nations),
    /// and read back by the masthead's reader to the same numbers.
    #[test]
    fn agenda_lines_as_each_language_prints_them() {
        let printed = [
            (Language::English, "Agenda item 27 (b)"),
            (Language::French, "Point 27 b) de l’ordre du jour"),
            (Language::Spanish, "Tema 27 b) del programa"),
            (Language::Russian, "Пункт 27 b) повестки дня"),
            (Language::Arabic, "البند 27 (ب) من جدول الأعمال"),
            (Language::Chinese, "议程项目27(b)"),
        ];
        for (language, line) in printed {
            assert_eq!(agenda_line(language, &["27 (b)"]), line);
        }
        assert_eq!(
            agenda_line(Language::English, &["13", "27 (b)", "117"]),
            "Agenda items 13, 27 (b) and 117"
        );
        assert_eq!(
            agenda_line(Language::Arabic, &["68 (e)"]),
            "البند 68 (هـ) من جدول الأعمال"
        );
    }

    #[test]
    fn committees_in_six_languages() {
        assert_eq!(
            committee(Language::French, "Third Committee"),
            "Troisième Commission"
        );
        assert_eq!(committee(Language::Chinese, "Plenary"), "全体会议");
        assert_eq!(
            committee(Language::Spanish, "Ad Hoc Committee of the Whole"),
            "Ad Hoc Committee of the Whole"
        );
    }
}
