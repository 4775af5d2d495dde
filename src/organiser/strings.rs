//! The organiser's page's strings, in the six UN languages, compiled into that page only: kept
//! out of the delegates' message table so that delegates never download them.

use crate::domain::i18n::{fill, Lang};

/// Defines `OrganiserMsg` and its text in each language from one list, so that no language
/// can lack a message.
macro_rules! organiser_messages {
    ($($name:ident => { en: $en:literal, fr: $fr:literal, es: $es:literal, ru: $ru:literal, zh: $zh:literal, ar: $ar:literal, })*) => {
        /// Every string of the organiser's page. `{name}` placeholders are filled by `t_with`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum OrganiserMsg {
            $($name,)*
        }

        impl OrganiserMsg {
            pub const ALL: &'static [OrganiserMsg] = &[$(OrganiserMsg::$name,)*];
        }

        /// `msg` in `lang`.
        pub fn t(lang: Lang, msg: OrganiserMsg) -> &'static str {
            match msg {
                $(OrganiserMsg::$name => match lang {
                    Lang::En => $en,
                    Lang::Fr => $fr,
                    Lang::Es => $es,
                    Lang::Ru => $ru,
                    Lang::Zh => $zh,
                    Lang::Ar => $ar,
                },)*
            }
        }
    };
}

organiser_messages! {
    Title => {
        en: "Check and convert a programme",
        fr: "Vérifier et convertir un programme",
        es: "Comprobar y convertir un programa",
        ru: "Проверка и преобразование программы",
        zh: "检查并转换活动日程",
        ar: "التحقق من برنامج وتحويله",
    }
    Language => { en: "Language", fr: "Langue", es: "Idioma", ru: "Язык", zh: "语言", ar: "اللغة", }
    Intro => {
        en: "Choose or drop your programme: your spreadsheet as it is (.xlsx, .ods), a programme file (JSON), a schedule.json exported by pretalx or frab, or the spreadsheet's sheets saved as CSV (all of them at once). The files never leave this computer: they are read and checked in this page.",
        fr: "Choisissez ou déposez votre programme : votre classeur tel quel (.xlsx, .ods), un fichier de programme (JSON), un schedule.json exporté par pretalx ou frab, ou les feuilles de votre tableur enregistrées en CSV (toutes à la fois). Les fichiers ne quittent jamais cet ordinateur : ils sont lus et vérifiés dans cette page.",
        es: "Elija o suelte su programa: su libro de cálculo tal cual (.xlsx, .ods), un archivo de programa (JSON), un schedule.json exportado por pretalx o frab, o las hojas de su hoja de cálculo guardadas como CSV (todas a la vez). Los archivos nunca salen de este ordenador: se leen y se comprueban en esta página.",
        ru: "Выберите или перетащите программу: вашу книгу как она есть (.xlsx, .ods), файл программы (JSON), schedule.json, экспортированный из pretalx или frab, или листы вашей таблицы, сохранённые в CSV (все сразу). Файлы не покидают этот компьютер: они читаются и проверяются на этой странице.",
        zh: "选择或拖放您的日程：原样的电子表格工作簿（.xlsx、.ods）、日程文件（JSON）、由 pretalx 或 frab 导出的 schedule.json，或另存为 CSV 的电子表格工作表（一次选择全部）。文件不会离开这台计算机：它们在本页面中读取和检查。",
        ar: "اختر برنامجك أو أفلته هنا: مصنف جدول البيانات كما هو (‎.xlsx أو ‎.ods)، أو ملف برنامج (JSON)، أو ملف schedule.json مُصدَّر من pretalx أو frab، أو أوراق جدول البيانات محفوظة بصيغة CSV (كلها معًا). لا تغادر الملفات هذا الحاسوب: تُقرأ وتُفحص في هذه الصفحة.",
    }
    PickFiles => { en: "Programme files", fr: "Fichiers du programme", es: "Archivos del programa", ru: "Файлы программы", zh: "日程文件", ar: "ملفات البرنامج", }
    DropHere => { en: "…or drop them here", fr: "…ou déposez-les ici", es: "…o suéltelos aquí", ru: "…или перетащите их сюда", zh: "…或拖放到此处", ar: "…أو أفلتها هنا", }
    Template => {
        en: "Spreadsheet template (the bundled programme, one sheet per list):",
        fr: "Modèle de tableur (le programme fourni, une feuille par liste) :",
        es: "Plantilla de hoja de cálculo (el programa incluido, una hoja por lista):",
        ru: "Шаблон таблицы (встроенная программа, по листу на каждый список):",
        zh: "电子表格模板（随附的日程，每个列表一个工作表）：",
        ar: "قالب جدول البيانات (البرنامج المرفق، ورقة لكل قائمة):",
    }
    TemplateCsv => {
        en: "or as CSV files:",
        fr: "ou en fichiers CSV :",
        es: "o como archivos CSV:",
        ru: "или в виде CSV-файлов:",
        zh: "或 CSV 文件：",
        ar: "أو ملفات CSV:",
    }
    Reading => { en: "Reading and checking…", fr: "Lecture et vérification…", es: "Leyendo y comprobando…", ru: "Чтение и проверка…", zh: "正在读取和检查…", ar: "جارٍ القراءة والتحقق…", }
    CannotConvert => {
        en: "This cannot be converted: {error}",
        fr: "Conversion impossible : {error}",
        es: "No se puede convertir: {error}",
        ru: "Преобразование невозможно: {error}",
        zh: "无法转换：{error}",
        ar: "يتعذّر التحويل: {error}",
    }
    TooBig => {
        en: "{file}: the file is over {mb} MB",
        fr: "{file} : le fichier dépasse {mb} Mo",
        es: "{file}: el archivo supera los {mb} MB",
        ru: "{file}: файл больше {mb} МБ",
        zh: "{file}：文件超过 {mb} MB",
        ar: "{file}: حجم الملف يتجاوز {mb} ميغابايت",
    }
    NoProblems => { en: "No problems found.", fr: "Aucun problème trouvé.", es: "No se encontraron problemas.", ru: "Проблем не найдено.", zh: "未发现问题。", ar: "لم يُعثر على أي مشكلة.", }
    OneProblem => {
        en: "1 problem: the item concerned is left out of the programme.",
        fr: "Problèmes trouvés : 1. L'élément concerné est laissé hors du programme.",
        es: "Problemas encontrados: 1. El elemento afectado queda fuera del programa.",
        ru: "Найдено проблем: 1. Затронутый элемент не включён в программу.",
        zh: "发现的问题：1 个。相关条目未列入日程。",
        ar: "المشكلات التي عُثر عليها: 1. العنصر المعني مستبعد من البرنامج.",
    }
    Problems => {
        en: "{n} problems: the items concerned are left out of the programme.",
        fr: "Problèmes trouvés : {n}. Les éléments concernés sont laissés hors du programme.",
        es: "Problemas encontrados: {n}. Los elementos afectados quedan fuera del programa.",
        ru: "Найдено проблем: {n}. Затронутые элементы не включены в программу.",
        zh: "发现的问题：{n} 个。相关条目未列入日程。",
        ar: "المشكلات التي عُثر عليها: {n}. العناصر المعنية مستبعدة من البرنامج.",
    }
    Summary => {
        en: "{file}: {events} events, {themes} themes, {partners} partners, {series} series.",
        fr: "{file} — événements : {events}, thèmes : {themes}, partenaires : {partners}, séries : {series}.",
        es: "{file} — eventos: {events}, temas: {themes}, socios: {partners}, series: {series}.",
        ru: "{file} — мероприятий: {events}, тем: {themes}, партнёров: {partners}, серий: {series}.",
        zh: "{file}——活动：{events}，主题：{themes}，合作伙伴：{partners}，系列：{series}。",
        ar: "{file} — الفعاليات: {events}، المواضيع: {themes}، الشركاء: {partners}، السلاسل: {series}.",
    }
    SummaryMore => {
        en: "People: {people}, venues: {venues}.",
        fr: "Personnes : {people}, lieux : {venues}.",
        es: "Personas: {people}, sedes: {venues}.",
        ru: "Людей: {people}, мест проведения: {venues}.",
        zh: "人员：{people}，场地：{venues}。",
        ar: "الأشخاص: {people}، الأماكن: {venues}.",
    }
    Download => { en: "Download programme.json", fr: "Télécharger programme.json", es: "Descargar programme.json", ru: "Скачать programme.json", zh: "下载 programme.json", ar: "تنزيل programme.json", }
    Publish => {
        en: "Publish it by putting programme.json next to the app on your host, in place of the old one.",
        fr: "Pour le publier, placez programme.json à côté de l'application sur votre hébergement, à la place de l'ancien.",
        es: "Para publicarlo, coloque programme.json junto a la aplicación en su alojamiento, en lugar del anterior.",
        ru: "Чтобы опубликовать программу, положите programme.json рядом с приложением на вашем хостинге вместо старого файла.",
        zh: "发布方法：将 programme.json 放在您主机上应用的旁边，替换旧文件。",
        ar: "لنشره، ضع programme.json بجانب التطبيق على الاستضافة، بدلًا من الملف القديم.",
    }
    Preview => {
        en: "Preview: the first screen as delegates will see it",
        fr: "Aperçu : le premier écran tel que les délégués le verront",
        es: "Vista previa: la primera pantalla tal como la verán los delegados",
        ru: "Предпросмотр: первый экран так, как его увидят делегаты",
        zh: "预览：代表们将看到的首屏",
        ar: "معاينة: الشاشة الأولى كما سيراها المندوبون",
    }
    LocalTimes => {
        en: "Date-and-time cells read as local times in {zone}, each with that zone's UTC offset on its day: {n}. The first: {first}.",
        fr: "Cellules date et heure lues comme heures locales de {zone}, chacune avec le décalage UTC de ce fuseau à sa date : {n}. La première : {first}.",
        es: "Celdas de fecha y hora leídas como horas locales de {zone}, cada una con la diferencia UTC de esa zona en su fecha: {n}. La primera: {first}.",
        ru: "Ячеек с датой и временем, прочитанных как местное время {zone} со смещением UTC этого пояса на их дату: {n}. Первая: {first}.",
        zh: "按 {zone} 当地时间读取的日期时间单元格（各按当日该时区的 UTC 偏移）：{n} 个。第一个：{first}。",
        ar: "خلايا التاريخ والوقت المقروءة بالتوقيت المحلي لـ {zone}، كلٌّ منها بفارق التوقيت العالمي لتلك المنطقة في يومه: {n}. أولها: {first}.",
    }
    NothingYet => { en: "No file checked yet.", fr: "Aucun fichier vérifié pour l'instant.", es: "Todavía no se ha comprobado ningún archivo.", ru: "Файлы ещё не проверены.", zh: "尚未检查任何文件。", ar: "لم يُفحص أي ملف بعد.", }
}

/// `t` with `{name}` placeholders filled.
pub fn t_with(lang: Lang, msg: OrganiserMsg, args: &[(&str, &str)]) -> String {
    fill(t(lang, msg), args)
}

/// The sentence on a conversion's problems: how many, and that their items are left out.
pub fn problems_sentence(lang: Lang, problems: usize) -> String {
    match problems {
        0 => t(lang, OrganiserMsg::NoProblems).to_owned(),
        1 => t(lang, OrganiserMsg::OneProblem).to_owned(),
        n => t_with(lang, OrganiserMsg::Problems, &[("n", &n.to_string())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_language_says_every_message_with_the_same_placeholders() {
        for &msg in OrganiserMsg::ALL {
            let english = placeholders(t(Lang::En, msg));
            for lang in Lang::ALL {
                let text = t(lang, msg);
                assert!(!text.trim().is_empty(), "{msg:?} in {lang:?}");
                assert_eq!(placeholders(text), english, "{msg:?} in {lang:?}: {text}");
                if lang != Lang::En {
                    assert_ne!(text, t(Lang::En, msg), "{msg:?} is not translated into {lang:?}");
                }
            }
        }
    }

    #[test]
    fn one_problem_is_said_in_the_singular() {
        assert_eq!(problems_sentence(Lang::En, 1), "1 problem: the item concerned is left out of the programme.");
        assert_eq!(problems_sentence(Lang::En, 2), "2 problems: the items concerned are left out of the programme.");
        assert_eq!(problems_sentence(Lang::Fr, 0), "Aucun problème trouvé.");
    }
}
