using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Cmrt.Checking;

namespace Workflow.Cmrt.Evaluation;

/// <summary>
/// The checker's findings in the supplier's language: per finding code (and, where one code covers several situations,
/// its <c>variant</c> argument) a message template per language with named placeholders filled from
/// <see cref="Finding.Arguments"/>. English is the finding's own <see cref="Finding.Message"/>; a code without a text
/// here, a finding stored before it had arguments, or a template that needs a value the finding lacks falls back to
/// that English message, so a supplier never sees a blank line. Sheet names and the template's drop-down values stay
/// in English: they are what the supplier sees in the workbook.
/// </summary>
public static partial class FindingTexts
{
    public static readonly string[] Languages = ["en", "de", "zh", "ja", "es", "fr"];

    /// <summary>Arguments of an error the declaration's own revision does not ask for (recorded as a warning).</summary>
    public const string WarningOnlyVersion = "warningOnlyVersion";
    public const string WarningOnlyRevisions = "warningOnlyRevisions";
    public const string Variant = "variant";

    /// <summary>The finding's message in <paramref name="language"/>.</summary>
    public static string Message(Finding f, string? language) => Message(f.Code, f.Message, f.Arguments, language);

    public static string Message(string code, string english, IReadOnlyDictionary<string, string>? arguments, string? language)
    {
        var lang = Primary(language);
        if (lang == "en" || arguments is null) return english;
        var key = arguments.TryGetValue(Variant, out var variant) ? $"{code}#{variant}" : code;
        if (!Catalogue.TryGetValue(key, out var texts) && !Catalogue.TryGetValue(code, out texts)) return english;
        if (!texts.TryGetValue(lang, out var template) || Fill(template, arguments, lang) is not { } text) return english;
        if (arguments.ContainsKey(WarningOnlyVersion) && Fill(WarningOnly[lang], arguments, lang) is { } suffix) text += suffix;
        return text;
    }

    /// <summary>"Smelter List!B79" in plain words: "Smelter List, row 79"; "Declaration!D8": "Declaration, cell D8".</summary>
    public static string Place(string? location, string? language)
    {
        var lang = Primary(language);
        if (string.IsNullOrWhiteSpace(location)) return "";
        if (location == "file") return Words[lang].File;
        var bang = location.IndexOf('!');
        if (bang < 0) return string.Format(CultureInfo.InvariantCulture, Words[lang].Sheet, location);
        var (sheet, cell) = (location[..bang], location[(bang + 1)..]);
        if (sheet == "Smelter List" && CellPattern().Match(cell) is { Success: true } m)
            return string.Format(CultureInfo.InvariantCulture, Words[lang].Row, sheet, m.Groups[2].Value);
        // Policy findings name a whole row the way Excel does ("Smelter List!5:5").
        if (RowPattern().Match(cell) is { Success: true } r && (r.Groups[2].Value.Length == 0 || r.Groups[2].Value == r.Groups[1].Value))
            return string.Format(CultureInfo.InvariantCulture, Words[lang].Row, sheet, r.Groups[1].Value);
        return string.Format(CultureInfo.InvariantCulture, Words[lang].Cell, sheet, cell);
    }

    /// <summary>Every catalogue entry: code (or code#variant) → language → template.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Entries =>
        Catalogue.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value);

    /// <summary>The placeholder names a template uses.</summary>
    public static IReadOnlySet<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Primary(string? language)
    {
        var lang = (language ?? "en").Trim().ToLowerInvariant();
        var dash = lang.IndexOfAny(['-', '_']);
        if (dash > 0) lang = lang[..dash];
        return Languages.Contains(lang) ? lang : "en";
    }

    private static string? Fill(string template, IReadOnlyDictionary<string, string> arguments, string lang)
    {
        var missing = false;
        var text = PlaceholderPattern().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!arguments.TryGetValue(name, out var value)) { missing = true; return m.Value; }
            return name switch
            {
                "metal" => MetalName(value, lang),
                "metals" => JoinMetals(value, lang),
                _ => value,
            };
        });
        return missing ? null : text;
    }

    private static string MetalName(string metal, string lang) =>
        Metals.TryGetValue(metal.Trim().ToLowerInvariant(), out var names) && names.TryGetValue(lang, out var name) ? name : metal;

    private static string JoinMetals(string metals, string lang)
    {
        var names = metals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => MetalName(m, lang)).ToList();
        if (names.Count <= 1) return string.Concat(names);
        var (comma, and) = lang switch
        {
            "zh" or "ja" => ("、", "、"),
            "de" => (", ", " und "),
            "es" => (", ", " y "),
            "fr" => (", ", " et "),
            _ => (", ", " and "),
        };
        return string.Join(comma, names.Take(names.Count - 1)) + and + names[^1];
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^([A-Z]+)(\d+)$")]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"^(\d+)(?::(\d+))?$")]
    private static partial Regex RowPattern();

    private sealed record PlaceWords(string File, string Sheet, string Cell, string Row);

    private static readonly Dictionary<string, PlaceWords> Words = new()
    {
        ["en"] = new("the file", "{0}", "{0}, cell {1}", "{0}, row {1}"),
        ["de"] = new("die Datei", "{0}", "{0}, Zelle {1}", "{0}, Zeile {1}"),
        ["zh"] = new("文件", "{0} 工作表", "{0} 工作表，单元格 {1}", "{0} 工作表，第 {1} 行"),
        ["ja"] = new("ファイル", "{0} シート", "{0} シート、セル {1}", "{0} シート、{1} 行目"),
        ["es"] = new("el archivo", "hoja {0}", "hoja {0}, celda {1}", "hoja {0}, fila {1}"),
        ["fr"] = new("le fichier", "onglet {0}", "onglet {0}, cellule {1}", "onglet {0}, ligne {1}"),
    };

    // The names RMI's translated templates use for the four metals.
    private static readonly Dictionary<string, Dictionary<string, string>> Metals = new()
    {
        ["tantalum"] = new() { ["en"] = "tantalum", ["de"] = "Tantal", ["zh"] = "钽", ["ja"] = "タンタル", ["es"] = "tántalo", ["fr"] = "tantale" },
        ["tin"] = new() { ["en"] = "tin", ["de"] = "Zinn", ["zh"] = "锡", ["ja"] = "スズ", ["es"] = "estaño", ["fr"] = "étain" },
        ["gold"] = new() { ["en"] = "gold", ["de"] = "Gold", ["zh"] = "金", ["ja"] = "金", ["es"] = "oro", ["fr"] = "or" },
        ["tungsten"] = new() { ["en"] = "tungsten", ["de"] = "Wolfram", ["zh"] = "钨", ["ja"] = "タングステン", ["es"] = "tungsteno", ["fr"] = "tungstène" },
    };

    private static readonly Dictionary<string, string> WarningOnly = new()
    {
        ["en"] = " (Your CMRT {warningOnlyVersion} does not require this, so it is a warning only; the template asks for it in revisions {warningOnlyRevisions}.)",
        ["de"] = " (Ihre CMRT {warningOnlyVersion} verlangt dies nicht, daher nur ein Hinweis; die Vorlage verlangt es in den Revisionen {warningOnlyRevisions}.)",
        ["zh"] = "（您的 CMRT {warningOnlyVersion} 版本不要求此项，因此仅为提示；模板在 {warningOnlyRevisions} 版本中要求此项。）",
        ["ja"] = "（ご使用の CMRT {warningOnlyVersion} では必須ではないため、注意事項としてのみ表示しています。テンプレートでは改訂版 {warningOnlyRevisions} で必須です。）",
        ["es"] = " (Su CMRT {warningOnlyVersion} no lo exige, por lo que es solo una advertencia; la plantilla lo pide en las revisiones {warningOnlyRevisions}.)",
        ["fr"] = " (Votre CMRT {warningOnlyVersion} ne l'exige pas : ce n'est qu'un avertissement. Le modèle le demande dans les révisions {warningOnlyRevisions}.)",
    };

    private static Dictionary<string, string> T(string en, string de, string zh, string ja, string es, string fr) =>
        new() { ["en"] = en, ["de"] = de, ["zh"] = zh, ["ja"] = ja, ["es"] = es, ["fr"] = fr };

    private static Dictionary<string, string> Declaration(string en, string de, string zh, string ja, string es, string fr) =>
        T($"Enter {en} in Declaration cell {{cell}}.",
          $"Tragen Sie {de} in Zelle {{cell}} des Blatts Declaration ein.",
          $"请在 Declaration 工作表的单元格 {{cell}} 中填写{zh}。",
          $"Declaration シートのセル {{cell}} に{ja}を入力してください。",
          $"Escriba {es} en la celda {{cell}} de la hoja Declaration.",
          $"Indiquez {fr} dans la cellule {{cell}} de l'onglet Declaration.");

    private static readonly Dictionary<string, Dictionary<string, string>> Catalogue = new(StringComparer.Ordinal)
    {
        [FindingCodes.Unreadable] = T(
            "The file could not be read as a CMRT workbook: {reason}",
            "Die Datei konnte nicht als CMRT-Arbeitsmappe gelesen werden: {reason}",
            "无法将此文件作为 CMRT 工作簿读取：{reason}",
            "このファイルを CMRT のワークブックとして読み込めませんでした: {reason}",
            "No se pudo leer el archivo como libro del CMRT: {reason}",
            "Le fichier n'a pas pu être lu comme classeur CMRT : {reason}"),
        [FindingCodes.EmptyTemplate] = T(
            "This is an empty template: the Declaration tab has no company details and no answers. Fill in the Declaration (company name, scope, contact, effective date and the questions) and the Smelter List, then send the file again.",
            "Dies ist eine leere Vorlage: Das Blatt Declaration enthält weder Firmenangaben noch Antworten. Füllen Sie die Declaration (Firmenname, Geltungsbereich, Kontakt, Datum und die Fragen) und die Smelter List aus und senden Sie die Datei erneut.",
            "这是一个空白模板：Declaration 工作表中没有公司信息，也没有回答。请填写 Declaration（公司名称、申报范围、联系人、生效日期和各项问题）以及 Smelter List，然后重新发送文件。",
            "空のテンプレートです。Declaration シートに会社情報も回答もありません。Declaration（会社名、申告範囲、連絡先、発効日、各質問）と Smelter List に記入してから、もう一度ファイルを送ってください。",
            "Esta es una plantilla vacía: la hoja Declaration no tiene datos de la empresa ni respuestas. Complete la Declaration (nombre de la empresa, alcance, contacto, fecha de vigencia y las preguntas) y la Smelter List, y vuelva a enviar el archivo.",
            "Ce modèle est vide : l'onglet Declaration ne contient ni informations sur l'entreprise ni réponses. Remplissez la Declaration (nom de l'entreprise, périmètre, contact, date d'effet et questions) et la Smelter List, puis renvoyez le fichier."),
        [FindingCodes.RequiredCompanyName] = Declaration("your company's legal name", "den rechtlichen Namen Ihres Unternehmens", "贵公司的法定名称",
            "貴社の正式名称", "la razón social de su empresa", "la raison sociale de votre entreprise"),
        [FindingCodes.RequiredScope] = T(
            "Choose a declaration scope in Declaration cell {cell}.",
            "Wählen Sie in Zelle {cell} des Blatts Declaration den Geltungsbereich der Erklärung (Declaration Scope).",
            "请在 Declaration 工作表的单元格 {cell} 中选择申报范围（Declaration Scope）。",
            "Declaration シートのセル {cell} で申告範囲（Declaration Scope）を選択してください。",
            "Elija el alcance de la declaración (Declaration Scope) en la celda {cell} de la hoja Declaration.",
            "Choisissez le périmètre de la déclaration (Declaration Scope) dans la cellule {cell} de l'onglet Declaration."),
        [FindingCodes.RequiredScopeDescription] = T(
            "Describe the scope of your declaration in Declaration cell {cell}.",
            "Beschreiben Sie den Geltungsbereich Ihrer Erklärung in Zelle {cell} des Blatts Declaration.",
            "请在 Declaration 工作表的单元格 {cell} 中说明申报范围。",
            "Declaration シートのセル {cell} に申告範囲の説明を入力してください。",
            "Describa el alcance de su declaración en la celda {cell} de la hoja Declaration.",
            "Décrivez le périmètre de votre déclaration dans la cellule {cell} de l'onglet Declaration."),
        [FindingCodes.RequiredContactName] = Declaration("the contact person's name", "den Namen der Kontaktperson", "联系人姓名",
            "担当者の氏名", "el nombre de la persona de contacto", "le nom de la personne à contacter"),
        [FindingCodes.RequiredContactEmail] = Declaration("the contact's e-mail address", "die E-Mail-Adresse der Kontaktperson", "联系人的电子邮件地址",
            "担当者のメールアドレス", "la dirección de correo electrónico del contacto", "l'adresse e-mail du contact"),
        [FindingCodes.RequiredContactPhone] = Declaration("the contact's telephone number", "die Telefonnummer der Kontaktperson", "联系人的电话号码",
            "担当者の電話番号", "el número de teléfono del contacto", "le numéro de téléphone du contact"),
        [FindingCodes.RequiredAuthorizer] = Declaration("the name of the person authorizing this declaration",
            "den Namen der Person, die diese Erklärung autorisiert", "授权此申报的人员姓名", "この申告の承認者の氏名",
            "el nombre de la persona que autoriza esta declaración", "le nom de la personne qui autorise cette déclaration"),
        [FindingCodes.RequiredAuthorizerEmail] = Declaration("the authorizer's e-mail address", "die E-Mail-Adresse der autorisierenden Person",
            "授权人的电子邮件地址", "承認者のメールアドレス", "la dirección de correo electrónico de la persona que autoriza",
            "l'adresse e-mail de la personne qui autorise"),
        [FindingCodes.RequiredAuthorizerPhone] = Declaration("the authorizer's telephone number", "die Telefonnummer der autorisierenden Person",
            "授权人的电话号码", "承認者の電話番号", "el número de teléfono de la persona que autoriza", "le numéro de téléphone de la personne qui autorise"),
        [FindingCodes.RequiredEffectiveDate] = Declaration("the effective date of this declaration", "das Datum dieser Erklärung (Effective Date)",
            "此申报的生效日期", "この申告の発効日", "la fecha de vigencia de esta declaración", "la date d'effet de cette déclaration"),
        [FindingCodes.RequiredMetalAnswer] = T(
            "Answer question {question} for {metal} in {sheet} cell {cell}.",
            "Beantworten Sie Frage {question} für {metal} in Zelle {cell} des Blatts {sheet}.",
            "请在 {sheet} 工作表的单元格 {cell} 中回答关于{metal}的问题 {question}。",
            "{sheet} シートのセル {cell} で、{metal}に関する質問 {question} に回答してください。",
            "Responda a la pregunta {question} (metal: {metal}) en la celda {cell} de la hoja {sheet}.",
            "Répondez à la question {question} (métal : {metal}) dans la cellule {cell} de l'onglet {sheet}."),
        [FindingCodes.RequiredCompanyAnswer] = T(
            "Answer question {question} in {sheet} cell {cell}.",
            "Beantworten Sie Frage {question} in Zelle {cell} des Blatts {sheet}.",
            "请在 {sheet} 工作表的单元格 {cell} 中回答问题 {question}。",
            "{sheet} シートのセル {cell} で質問 {question} に回答してください。",
            "Responda a la pregunta {question} en la celda {cell} de la hoja {sheet}.",
            "Répondez à la question {question} dans la cellule {cell} de l'onglet {sheet}."),
        [FindingCodes.ScopeNotAllowed] = T(
            "The declaration scope '{value}' is not one of the template's choices; pick one from the drop-down in cell {cell}.",
            "Der Geltungsbereich „{value}“ ist keine Auswahl der Vorlage; wählen Sie einen Wert aus der Liste in Zelle {cell}.",
            "申报范围“{value}”不是模板中的选项；请在单元格 {cell} 的下拉列表中选择。",
            "申告範囲「{value}」はテンプレートの選択肢にありません。セル {cell} のドロップダウンから選択してください。",
            "El alcance «{value}» no es una de las opciones de la plantilla; elija uno de la lista desplegable de la celda {cell}.",
            "Le périmètre « {value} » ne fait pas partie des choix du modèle ; choisissez-en un dans la liste déroulante de la cellule {cell}."),
        [FindingCodes.AnswerNotAllowed] = T(
            "'{value}' is not an allowed answer to question {question} ({sheet} cell {cell}); choose one of the drop-down values.",
            "„{value}“ ist keine zulässige Antwort auf Frage {question} (Blatt {sheet}, Zelle {cell}); wählen Sie einen Wert aus der Liste.",
            "“{value}”不是问题 {question} 的有效回答（{sheet} 工作表，单元格 {cell}）；请从下拉列表中选择。",
            "「{value}」は質問 {question} の回答として使用できません（{sheet} シート、セル {cell}）。ドロップダウンの値から選択してください。",
            "«{value}» no es una respuesta válida a la pregunta {question} (hoja {sheet}, celda {cell}); elija uno de los valores de la lista desplegable.",
            "« {value} » n'est pas une réponse autorisée à la question {question} (onglet {sheet}, cellule {cell}) ; choisissez une valeur de la liste déroulante."),
        [FindingCodes.EmailInvalid] = T(
            "'{value}' in Declaration cell {cell} is not a valid e-mail address; use the form name@company.com.",
            "„{value}“ in Zelle {cell} des Blatts Declaration ist keine gültige E-Mail-Adresse; verwenden Sie die Form name@firma.com.",
            "Declaration 工作表单元格 {cell} 中的“{value}”不是有效的电子邮件地址；请使用 name@company.com 的格式。",
            "Declaration シートのセル {cell} の「{value}」は有効なメールアドレスではありません。name@company.com の形式で入力してください。",
            "«{value}» en la celda {cell} de la hoja Declaration no es una dirección de correo electrónico válida; use el formato nombre@empresa.com.",
            "« {value} » dans la cellule {cell} de l'onglet Declaration n'est pas une adresse e-mail valide ; utilisez la forme nom@entreprise.com."),
        [FindingCodes.DateInvalid] = T(
            "'{value}' in Declaration cell {cell} is not a date; enter it as a date, e.g. 31-Jan-2025.",
            "„{value}“ in Zelle {cell} des Blatts Declaration ist kein Datum; geben Sie ein Datum ein, z. B. 31-Jan-2025.",
            "Declaration 工作表单元格 {cell} 中的“{value}”不是日期；请输入日期，例如 31-Jan-2025。",
            "Declaration シートのセル {cell} の「{value}」は日付ではありません。31-Jan-2025 のように日付として入力してください。",
            "«{value}» en la celda {cell} de la hoja Declaration no es una fecha; escríbala como fecha, p. ej. 31-Jan-2025.",
            "« {value} » dans la cellule {cell} de l'onglet Declaration n'est pas une date ; saisissez une date, par exemple 31-Jan-2025."),
        [FindingCodes.DateInFuture] = T(
            "The effective date {value} in Declaration cell {cell} is in the future; enter the date the declaration was completed.",
            "Das Datum {value} in Zelle {cell} des Blatts Declaration liegt in der Zukunft; geben Sie das Datum ein, an dem die Erklärung ausgefüllt wurde.",
            "Declaration 工作表单元格 {cell} 中的生效日期 {value} 是将来的日期；请填写完成申报的日期。",
            "Declaration シートのセル {cell} の発効日 {value} は未来の日付です。申告を作成した日付を入力してください。",
            "La fecha de vigencia {value} de la celda {cell} de la hoja Declaration está en el futuro; escriba la fecha en que se completó la declaración.",
            "La date d'effet {value} dans la cellule {cell} de l'onglet Declaration est dans le futur ; indiquez la date à laquelle la déclaration a été remplie."),
        [FindingCodes.DateBefore2007] = T(
            "The effective date {value} in Declaration cell {cell} is before 2007, which the template does not allow; check the date.",
            "Das Datum {value} in Zelle {cell} des Blatts Declaration liegt vor 2007, was die Vorlage nicht zulässt; prüfen Sie das Datum.",
            "Declaration 工作表单元格 {cell} 中的生效日期 {value} 早于 2007 年，模板不允许；请检查日期。",
            "Declaration シートのセル {cell} の発効日 {value} は 2007 年より前で、テンプレートでは使用できません。日付を確認してください。",
            "La fecha de vigencia {value} de la celda {cell} de la hoja Declaration es anterior a 2007, lo que la plantilla no permite; revise la fecha.",
            "La date d'effet {value} dans la cellule {cell} de l'onglet Declaration est antérieure à 2007, ce que le modèle n'autorise pas ; vérifiez la date."),
        [FindingCodes.PolicyUrlMissing] = T(
            "You answered Yes to question B (policy publicly available): enter the policy's web address (URL) in the comment cell {cell}.",
            "Sie haben Frage B (Richtlinie öffentlich verfügbar) mit Yes beantwortet: Tragen Sie die Internetadresse (URL) der Richtlinie in die Kommentarzelle {cell} ein.",
            "您对问题 B（政策是否公开）回答了 Yes：请在备注单元格 {cell} 中填写该政策的网址（URL）。",
            "質問 B（方針の公開）に Yes と回答しています。コメント欄のセル {cell} に方針のウェブアドレス（URL）を入力してください。",
            "Respondió Yes a la pregunta B (política disponible públicamente): escriba la dirección web (URL) de la política en la celda de comentarios {cell}.",
            "Vous avez répondu Yes à la question B (politique accessible au public) : indiquez l'adresse web (URL) de la politique dans la cellule de commentaire {cell}."),
        [FindingCodes.ProductListMissing] = T(
            "Your declaration scope is product level: list the products it covers on the Product List tab, starting in cell {cell}.",
            "Ihre Erklärung gilt auf Produktebene: Führen Sie die erfassten Produkte im Blatt Product List ab Zelle {cell} auf.",
            "您的申报范围为产品级：请在 Product List 工作表中从单元格 {cell} 开始列出所涵盖的产品。",
            "申告範囲が製品単位です。Product List シートのセル {cell} から、対象となる製品を記入してください。",
            "El alcance de su declaración es a nivel de producto: indique los productos que cubre en la hoja Product List, a partir de la celda {cell}.",
            "Votre déclaration porte sur des produits : indiquez les produits couverts dans l'onglet Product List, à partir de la cellule {cell}."),
        [FindingCodes.SmelterListEmpty] = T(
            "Your declaration says {metals} are in scope, but the Smelter List names no smelter: list the smelters in your supply chain on the Smelter List tab (or \"Smelter not yet identified\").",
            "Laut Ihrer Erklärung sind {metals} relevant, aber die Smelter List nennt keine Schmelze: Führen Sie die Schmelzen Ihrer Lieferkette im Blatt Smelter List auf (oder \"Smelter not yet identified\").",
            "您的申报表明{metals}在范围内，但 Smelter List 中没有列出任何冶炼厂：请在 Smelter List 工作表中列出供应链中的冶炼厂（或选择 \"Smelter not yet identified\"）。",
            "申告では{metals}が対象となっていますが、Smelter List に製錬所が記入されていません。Smelter List シートにサプライチェーン上の製錬所を記入してください（または \"Smelter not yet identified\" を選択してください）。",
            "Su declaración indica que {metals} están en el alcance, pero la Smelter List no nombra ninguna fundición: indique las fundiciones de su cadena de suministro en la hoja Smelter List (o \"Smelter not yet identified\").",
            "Votre déclaration indique que {metals} sont concernés, mais la Smelter List ne nomme aucune fonderie : indiquez les fonderies de votre chaîne d'approvisionnement dans l'onglet Smelter List (ou \"Smelter not yet identified\")."),
        [FindingCodes.SmelterMissingForMetal] = T(
            "Your declaration says {metal} is in scope: list the {metal} smelters in your supply chain on the Smelter List tab (or \"Smelter not yet identified\").",
            "Laut Ihrer Erklärung ist {metal} relevant: Führen Sie die Schmelzen für {metal} in Ihrer Lieferkette im Blatt Smelter List auf (oder \"Smelter not yet identified\").",
            "您的申报表明{metal}在范围内：请在 Smelter List 工作表中列出供应链中的{metal}冶炼厂（或选择 \"Smelter not yet identified\"）。",
            "申告では{metal}が対象となっています。Smelter List シートにサプライチェーン上の{metal}の製錬所を記入してください（または \"Smelter not yet identified\" を選択してください）。",
            "Su declaración indica que el metal {metal} está en el alcance: indique las fundiciones de {metal} de su cadena de suministro en la hoja Smelter List (o \"Smelter not yet identified\").",
            "Votre déclaration indique que le métal {metal} est concerné : indiquez les fonderies de ce métal de votre chaîne d'approvisionnement dans l'onglet Smelter List (ou \"Smelter not yet identified\")."),
        [FindingCodes.SmelterNotListedIncomplete] = T(
            "Smelter List row {row} is marked \"Smelter not listed\": enter the smelter's name (column D) and country (column E).",
            "Smelter List, Zeile {row} ist als \"Smelter not listed\" markiert: Tragen Sie Namen (Spalte D) und Land (Spalte E) der Schmelze ein.",
            "Smelter List 第 {row} 行标记为 \"Smelter not listed\"：请填写冶炼厂名称（D 列）和国家（E 列）。",
            "Smelter List の {row} 行目は \"Smelter not listed\" になっています。製錬所の名称（D 列）と国（E 列）を入力してください。",
            "La fila {row} de la Smelter List está marcada como \"Smelter not listed\": escriba el nombre de la fundición (columna D) y el país (columna E).",
            "La ligne {row} de la Smelter List est marquée \"Smelter not listed\" : indiquez le nom de la fonderie (colonne D) et son pays (colonne E)."),
        [FindingCodes.SmelterMetalInvalid] = T(
            "Smelter List row {row}: choose the metal (Tantalum, Tin, Gold or Tungsten) in column B.",
            "Smelter List, Zeile {row}: Wählen Sie in Spalte B das Metall (Tantalum, Tin, Gold oder Tungsten).",
            "Smelter List 第 {row} 行：请在 B 列选择金属（Tantalum、Tin、Gold 或 Tungsten）。",
            "Smelter List の {row} 行目: B 列で金属（Tantalum、Tin、Gold、Tungsten のいずれか）を選択してください。",
            "Smelter List, fila {row}: elija el metal (Tantalum, Tin, Gold o Tungsten) en la columna B.",
            "Smelter List, ligne {row} : choisissez le métal (Tantalum, Tin, Gold ou Tungsten) dans la colonne B."),
        [FindingCodes.SmelterLookupMissing] = T(
            "Smelter List row {row}: choose the smelter from the drop-down in column C (or \"Smelter not listed\").",
            "Smelter List, Zeile {row}: Wählen Sie die Schmelze aus der Liste in Spalte C (oder \"Smelter not listed\").",
            "Smelter List 第 {row} 行：请在 C 列的下拉列表中选择冶炼厂（或选择 \"Smelter not listed\"）。",
            "Smelter List の {row} 行目: C 列のドロップダウンから製錬所を選択してください（または \"Smelter not listed\"）。",
            "Smelter List, fila {row}: elija la fundición en la lista desplegable de la columna C (o \"Smelter not listed\").",
            "Smelter List, ligne {row} : choisissez la fonderie dans la liste déroulante de la colonne C (ou \"Smelter not listed\")."),
        [FindingCodes.SmelterUnmatched] = T(
            "Smelter List row {row}: '{name}' ({metal}) could not be matched to a smelter on the reference list; add its smelter identification number (CID) if you know it.",
            "Smelter List, Zeile {row}: „{name}“ ({metal}) passt zu keiner Schmelze der Referenzliste; ergänzen Sie die Smelter Identification Number (CID), wenn Sie sie kennen.",
            "Smelter List 第 {row} 行：“{name}”（{metal}）无法与参考清单中的冶炼厂匹配；如果您知道其冶炼厂识别号（CID），请补充填写。",
            "Smelter List の {row} 行目: 「{name}」（{metal}）は参照リストの製錬所と一致しませんでした。製錬所識別番号（CID）が分かれば追記してください。",
            "Smelter List, fila {row}: «{name}» ({metal}) no coincide con ninguna fundición de la lista de referencia; añada su número de identificación de fundición (CID) si lo conoce.",
            "Smelter List, ligne {row} : « {name} » ({metal}) ne correspond à aucune fonderie de la liste de référence ; ajoutez son numéro d'identification de fonderie (CID) si vous le connaissez."),
        [FindingCodes.SmelterNotYetIdentified] = T(
            "Smelter List row {row}: a {metal} smelter is \"not yet identified\"; please follow up with your supplier and update the list.",
            "Smelter List, Zeile {row}: Eine Schmelze für {metal} ist \"not yet identified\"; bitte klären Sie das mit Ihrem Lieferanten und aktualisieren Sie die Liste.",
            "Smelter List 第 {row} 行：一家{metal}冶炼厂为 \"not yet identified\"（尚未识别）；请向您的供应商跟进并更新清单。",
            "Smelter List の {row} 行目: {metal}の製錬所が \"not yet identified\"（未特定）です。サプライヤーに確認し、リストを更新してください。",
            "Smelter List, fila {row}: una fundición de {metal} figura como \"not yet identified\"; consulte a su proveedor y actualice la lista.",
            "Smelter List, ligne {row} : une fonderie ({metal}) est \"not yet identified\" ; renseignez-vous auprès de votre fournisseur et mettez la liste à jour."),
        [FindingCodes.SmelterMetalNotInScope] = T(
            "The Smelter List names {metal} smelters, but the Declaration says {metal} is not in scope; check questions 1 and 2.",
            "Die Smelter List nennt Schmelzen für {metal}, laut Declaration ist {metal} aber nicht relevant; prüfen Sie die Fragen 1 und 2.",
            "Smelter List 中列出了{metal}冶炼厂，但 Declaration 表明{metal}不在范围内；请检查问题 1 和 2。",
            "Smelter List には{metal}の製錬所が記入されていますが、Declaration では{metal}が対象外になっています。質問 1 と 2 を確認してください。",
            "La Smelter List nombra fundiciones de {metal}, pero la Declaration indica que el metal {metal} no está en el alcance; revise las preguntas 1 y 2.",
            "La Smelter List nomme des fonderies ({metal}), mais la Declaration indique que le métal {metal} n'est pas concerné ; vérifiez les questions 1 et 2."),
        [FindingCodes.InconsistentAnswers] = T(
            "Some of your answers for {metal} contradict each other; please check them.",
            "Einige Ihrer Antworten zu {metal} widersprechen sich; bitte prüfen Sie sie.",
            "您关于{metal}的部分回答相互矛盾；请检查。",
            "{metal}に関する回答の一部が矛盾しています。確認してください。",
            "Algunas de sus respuestas sobre el metal {metal} se contradicen; revíselas.",
            "Certaines de vos réponses pour le métal {metal} se contredisent ; vérifiez-les."),
        [FindingCodes.InconsistentAnswers + "#q1-no-q2-yes"] = T(
            "For {metal} you answered No to question 1 but Yes to question 2; please check both answers.",
            "Für {metal} haben Sie Frage 1 mit No, Frage 2 aber mit Yes beantwortet; bitte prüfen Sie beide Antworten.",
            "关于{metal}，您对问题 1 回答了 No，但对问题 2 回答了 Yes；请检查这两个回答。",
            "{metal}について、質問 1 に No、質問 2 に Yes と回答しています。両方の回答を確認してください。",
            "Para el metal {metal} respondió No a la pregunta 1 pero Yes a la pregunta 2; revise ambas respuestas.",
            "Pour le métal {metal}, vous avez répondu No à la question 1 mais Yes à la question 2 ; vérifiez ces deux réponses."),
        [FindingCodes.InconsistentAnswers + "#recycled-and-covered"] = T(
            "For {metal} you state that all material is recycled or scrap and also that it is sourced from the covered countries; please check both answers.",
            "Für {metal} geben Sie an, dass alles Material recycelt oder Schrott ist und zugleich aus den betroffenen Ländern stammt; bitte prüfen Sie beide Antworten.",
            "关于{metal}，您声明所有材料均为回收料或废料，同时又声明其来自涵盖国家；请检查这两个回答。",
            "{metal}について、すべての材料がリサイクル品またはスクラップであると同時に、対象国から調達していると回答しています。両方の回答を確認してください。",
            "Para el metal {metal} indica que todo el material es reciclado o chatarra y, a la vez, que procede de los países cubiertos; revise ambas respuestas.",
            "Pour le métal {metal}, vous indiquez que tout le matériau est recyclé ou issu de déchets, et aussi qu'il provient des pays couverts ; vérifiez ces deux réponses."),
        [FindingCodes.InconsistentAnswers + "#no-covered-incomplete"] = T(
            "For {metal} you state No covered-country sourcing, although not all suppliers responded and not all smelters are identified; explain the basis in the comment.",
            "Für {metal} verneinen Sie eine Herkunft aus den betroffenen Ländern, obwohl nicht alle Lieferanten geantwortet haben und nicht alle Schmelzen bekannt sind; erläutern Sie die Grundlage im Kommentar.",
            "关于{metal}，您声明没有来自涵盖国家的采购，但并非所有供应商都已回复，也并非所有冶炼厂都已识别；请在备注中说明依据。",
            "{metal}について、対象国からの調達はないと回答していますが、すべてのサプライヤーが回答しておらず、すべての製錬所も特定されていません。コメント欄に根拠を記入してください。",
            "Para el metal {metal} indica que no hay abastecimiento de los países cubiertos, aunque no todos los proveedores respondieron y no todas las fundiciones están identificadas; explique la base en el comentario.",
            "Pour le métal {metal}, vous indiquez ne pas vous approvisionner dans les pays couverts, alors que tous les fournisseurs n'ont pas répondu et que toutes les fonderies ne sont pas identifiées ; expliquez sur quoi vous vous fondez dans le commentaire."),
        [FindingCodes.InconsistentAnswers + "#identified-incomplete"] = T(
            "For {metal} you state that all smelters are identified, although not all suppliers responded; please check.",
            "Für {metal} geben Sie an, dass alle Schmelzen bekannt sind, obwohl nicht alle Lieferanten geantwortet haben; bitte prüfen Sie das.",
            "关于{metal}，您声明所有冶炼厂均已识别，但并非所有供应商都已回复；请检查。",
            "{metal}について、すべての製錬所を特定済みと回答していますが、すべてのサプライヤーが回答していません。確認してください。",
            "Para el metal {metal} indica que todas las fundiciones están identificadas, aunque no todos los proveedores respondieron; revíselo.",
            "Pour le métal {metal}, vous indiquez que toutes les fonderies sont identifiées, alors que tous les fournisseurs n'ont pas répondu ; vérifiez."),
    };
}
