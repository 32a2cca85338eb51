#include "CampaignReport.h"

#include "Asset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace tambo::patrimonio {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dateText(const QDate &date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

QString csvField(QString text)
{
    if (!text.isEmpty()
        && (text.startsWith(u'=') || text.startsWith(u'+') || text.startsWith(u'-')
            || text.startsWith(u'@'))) {
        text.prepend(u'\'');
    }
    if (text.contains(u';') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(QLatin1String("\""), QLatin1String("\"\"")) + u'"';
    return text;
}

QString plainSoles(qint64 centimos)
{
    return QStringLiteral("%1.%2")
        .arg(centimos / 100)
        .arg(int(centimos % 100), 2, 10, QLatin1Char('0'));
}

} // namespace

CampaignReport::CampaignReport(Campaign campaign, QList<CampaignResult> results)
    : m_campaign(std::move(campaign))
    , m_results(std::move(results))
    , m_entity(QStringLiteral("Municipalidad Provincial de Tacna"))
{}

void CampaignReport::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                   const QHash<QString, QString> &areaNames)
{
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
}

CampaignTotals CampaignReport::totals() const
{
    CampaignTotals t;
    for (const CampaignResult &r : m_results) {
        t.scans += r.scans;
        if (r.scans > 1)
            ++t.repeated;
        if (r.estadoCambiado)
            ++t.estadoCambiado;
        switch (r.outcome) {
        case CampaignOutcome::Encontrado:
            ++t.encontrados;
            ++t.expected;
            break;
        case CampaignOutcome::OtroLugar:
            ++t.otroLugar;
            ++t.expected;
            break;
        case CampaignOutcome::Faltante:
            ++t.faltantes;
            ++t.expected;
            t.valorFaltantes += r.valorCentimos;
            break;
        case CampaignOutcome::Sobrante:
            ++t.sobrantes;
            t.valorSobrantes += r.valorCentimos;
            break;
        }
    }
    return t;
}

QString CampaignReport::placeText(const InventoryPlace &place) const
{
    if (place.sedeId.isEmpty())
        return {};
    QStringList parts{m_sedeNames.value(place.sedeId, place.sedeId)};
    if (!place.areaId.isEmpty())
        parts << m_areaNames.value(place.areaId, place.areaId);
    if (!place.ambiente.isEmpty())
        parts << place.ambiente;
    return parts.join(QStringLiteral(" / "));
}

QString CampaignReport::shortPlaceText(const InventoryPlace &place) const
{
    // In the lists the sede is left out when the campaign covers that one sede only (the header
    // names it); the CSV always has the whole place.
    if (m_campaign.areaIds.isEmpty() && m_campaign.sedeIds == QStringList{place.sedeId}) {
        QStringList parts;
        if (!place.areaId.isEmpty())
            parts << m_areaNames.value(place.areaId, place.areaId);
        parts << place.ambiente;
        return parts.join(QStringLiteral(" / "));
    }
    return placeText(place);
}

QString CampaignReport::header(const QString &title) const
{
    QString html;
    html += QStringLiteral("<p align=\"center\"><b>%1</b></p>").arg(esc(m_entity.toUpper()));
    html += QStringLiteral("<h2 align=\"center\">%1</h2>").arg(esc(title));
    html += QStringLiteral("<p align=\"center\">%1</p>").arg(esc(m_campaign.name));
    html += QStringLiteral("<table cellpadding=\"2\">");
    auto row = [&](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    row(tr("Year:"), QString::number(m_campaign.year));
    row(tr("Cut-off date:"), dateText(m_campaign.cutoff));
    if (m_campaign.startedAt.isValid())
        row(tr("Started:"), dateText(m_campaign.startedAt.toLocalTime().date()));
    if (m_campaign.closedAt.isValid())
        row(tr("Closed:"), dateText(m_campaign.closedAt.toLocalTime().date()));
    QStringList scope;
    for (const QString &s : m_campaign.sedeIds)
        scope << m_sedeNames.value(s, s);
    for (const QString &a : m_campaign.areaIds)
        scope << m_areaNames.value(a, a);
    row(tr("Scope:"),
        scope.isEmpty() ? tr("Every sede of the entity") : scope.join(QStringLiteral("; ")));
    html += QStringLiteral("</table>");
    return html;
}

QString CampaignReport::totalsTable(const CampaignTotals &t) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(tr("Totals")));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    auto row = [&](const QString &label, int count, const QString &value = {}) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\" class=\"total\">%2</td>"
                               "<td align=\"right\">%3</td></tr>")
                    .arg(esc(label), QString::number(count), esc(value));
    };
    html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                .arg(esc(tr("Outcome")), esc(tr("Assets")), esc(tr("Value")));
    row(tr("Expected in the scope"), t.expected);
    row(Campaigns::outcomeTitle(CampaignOutcome::Encontrado), t.encontrados);
    row(Campaigns::outcomeTitle(CampaignOutcome::OtroLugar), t.otroLugar);
    row(Campaigns::outcomeTitle(CampaignOutcome::Faltante),
        t.faltantes,
        formatSoles(t.valorFaltantes));
    row(Campaigns::outcomeTitle(CampaignOutcome::Sobrante),
        t.sobrantes,
        formatSoles(t.valorSobrantes));
    row(tr("Condition changed"), t.estadoCambiado);
    row(tr("Scanned more than once"), t.repeated);
    html += QStringLiteral("</table>");
    return html;
}

QString CampaignReport::listTable(CampaignOutcome outcome, bool withFoundPlace) const
{
    QString html;
    int n = 0;
    for (const CampaignResult &r : m_results) {
        if (r.outcome != outcome)
            continue;
        if (n == 0) {
            html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                   "width=\"100%\"><tr><th>%1</th><th>%2</th><th>%3</th>"
                                   "<th>%4</th><th>%5</th>%6</tr>")
                        .arg(esc(tr("No.")),
                             esc(tr("Code")),
                             esc(tr("Denomination")),
                             esc(tr("Registered place")),
                             esc(tr("Value")),
                             withFoundPlace ? QStringLiteral("<th>%1</th>").arg(esc(tr("Found in")))
                                            : QString());
        }
        ++n;
        QString denominacion = r.inRegister ? r.denominacion : tr("(not in the register)");
        html += QStringLiteral("<tr><td align=\"right\">%1</td><td>%2</td><td>%3</td><td>%4</td>"
                               "<td align=\"right\">%5</td>%6</tr>")
                    .arg(QString::number(n),
                         esc(r.codigo),
                         esc(denominacion),
                         esc(shortPlaceText(r.registered)),
                         r.inRegister ? esc(formatSoles(r.valorCentimos)) : QString(),
                         withFoundPlace ? QStringLiteral("<td>%1</td>").arg(esc(placeText(r.found)))
                                        : QString());
    }
    if (n == 0)
        return QStringLiteral("<p>%1</p>").arg(esc(tr("None.")));
    return html + QStringLiteral("</table>");
}

QString CampaignReport::actaHtml() const
{
    const CampaignTotals t = totals();
    QString html = QStringLiteral("<html><body>");
    html += header(tr("INVENTORY RECORD OF MOVABLE ASSETS"));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("The Comisión de Inventario named below took the physical inventory "
                            "of the bienes muebles of the entity with cut-off date %1, comparing "
                            "what was found with the asset register, with these results.")
                             .arg(dateText(m_campaign.cutoff))));
    html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Comisión de Inventario")));
    for (const CampaignMember &m : m_campaign.comision)
        html += QStringLiteral("<li>%1 — %2</li>").arg(esc(m.name), esc(m.role));
    html += QStringLiteral("</ul>");
    html += totalsTable(t);
    html += QStringLiteral("<h3>%1 (%2)</h3>")
                .arg(esc(tr("Missing assets (faltantes)")))
                .arg(t.faltantes);
    html += listTable(CampaignOutcome::Faltante, false);
    html += QStringLiteral("<h3>%1 (%2)</h3>")
                .arg(esc(tr("Surplus assets (sobrantes)")))
                .arg(t.sobrantes);
    html += listTable(CampaignOutcome::Sobrante, true);
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("In witness whereof, the members of the comisión sign this record.")));
    html += QStringLiteral("<br/><table width=\"100%\" cellpadding=\"14\"><tr>");
    int column = 0;
    for (const CampaignMember &m : m_campaign.comision) {
        if (column > 0 && column % 2 == 0)
            html += QStringLiteral("</tr><tr>");
        html += QStringLiteral("<td align=\"center\"><br/><br/>______________________________<br/>"
                               "%1<br/>%2</td>")
                    .arg(esc(m.name), esc(m.role));
        ++column;
    }
    html += QStringLiteral("</tr></table></body></html>");
    return html;
}

QString CampaignReport::informeHtml() const
{
    const CampaignTotals t = totals();
    QString html = QStringLiteral("<html><body>");
    html += header(tr("FINAL INVENTORY REPORT"));
    html += totalsTable(t);
    if (t.expected > 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(
                        tr("%1% of the expected assets were found.")
                            .arg(QString::number(100.0 * (t.encontrados + t.otroLugar) / t.expected,
                                                 'f',
                                                 1))));
    }
    html += QStringLiteral("<h3>%1 (%2)</h3>").arg(esc(tr("Found elsewhere"))).arg(t.otroLugar);
    html += listTable(CampaignOutcome::OtroLugar, true);
    html += QStringLiteral("<h3>%1 (%2)</h3>")
                .arg(esc(tr("Condition changed")))
                .arg(t.estadoCambiado);
    if (t.estadoCambiado == 0) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("None.")));
    } else {
        html += QStringLiteral(
                    "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
                    "<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(esc(tr("Code")),
                         esc(tr("Denomination")),
                         esc(tr("Registered")),
                         esc(tr("Observed")));
        for (const CampaignResult &r : m_results) {
            if (!r.estadoCambiado)
                continue;
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(esc(r.codigo),
                             esc(r.denominacion),
                             esc(r.estadoRegistrado ? Estados::title(*r.estadoRegistrado)
                                                    : QString()),
                             esc(r.estadoObservado ? Estados::title(*r.estadoObservado)
                                                   : QString()));
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h3>%1 (%2)</h3>")
                .arg(esc(tr("Missing assets (faltantes)")))
                .arg(t.faltantes);
    html += listTable(CampaignOutcome::Faltante, false);
    html += QStringLiteral("<h3>%1 (%2)</h3>")
                .arg(esc(tr("Surplus assets (sobrantes)")))
                .arg(t.sobrantes);
    html += listTable(CampaignOutcome::Sobrante, true);
    html += QStringLiteral("</body></html>");
    return html;
}

QByteArray CampaignReport::csv() const
{
    const QString eol = QStringLiteral("\r\n");
    QStringList header{tr("Code"),
                       tr("Denomination"),
                       tr("Ledger account"),
                       tr("Value"),
                       tr("Outcome"),
                       tr("Condition changed"),
                       tr("Registered condition"),
                       tr("Observed condition"),
                       tr("Registered place"),
                       tr("Found in"),
                       tr("Scans")};
    QString text;
    for (QString &h : header)
        h = csvField(h);
    text += header.join(u';') + eol;
    for (const CampaignResult &r : m_results) {
        QStringList fields;
        fields << QStringLiteral("=\"%1\"").arg(r.codigo) << csvField(r.denominacion)
               << csvField(r.cuentaContable)
               << (r.inRegister ? plainSoles(r.valorCentimos) : QString())
               << csvField(Campaigns::outcomeTitle(r.outcome))
               << (r.estadoCambiado ? tr("Yes") : tr("No"))
               << (r.estadoRegistrado ? QString(Estados::code(*r.estadoRegistrado)) : QString())
               << (r.estadoObservado ? QString(Estados::code(*r.estadoObservado)) : QString())
               << csvField(placeText(r.registered)) << csvField(placeText(r.found))
               << QString::number(r.scans);
        text += fields.join(u';') + eol;
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

bool CampaignReport::writePdf(const QString &html, const QString &path, QString *error)
{
    if (!QFileInfo(path).dir().exists()) {
        if (error)
            *error = tr("The folder of %1 does not exist.").arg(path);
        return false;
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QFileInfo(path).completeBaseName());
    writer.setCreator(QStringLiteral("Tambo"));
    QTextDocument document;
    QFont font = document.defaultFont();
    font.setPointSizeF(8.5);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setHtml(html);
    document.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

QString CampaignReport::fileStem() const
{
    QString stem;
    for (const QChar c : m_campaign.name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            stem += c.toLower();
        else if ((c.isSpace() || c == u'-' || c == u'_') && !stem.endsWith(u'-'))
            stem += u'-';
    }
    while (stem.endsWith(u'-'))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("campana") : stem;
}

bool CampaignReport::writeAll(const QString &dir, Files *out, QString *error) const
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(dir);
        return false;
    }
    const QDir d(dir);
    Files files;
    files.acta = d.filePath(fileStem() + QStringLiteral("-acta.pdf"));
    files.informe = d.filePath(fileStem() + QStringLiteral("-informe-final.pdf"));
    files.csv = d.filePath(fileStem() + QStringLiteral("-conciliacion.csv"));
    if (!writePdf(actaHtml(), files.acta, error) || !writePdf(informeHtml(), files.informe, error))
        return false;
    QSaveFile csvFile(files.csv);
    if (!csvFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || csvFile.write(csv()) < 0
        || !csvFile.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(files.csv, csvFile.errorString());
        return false;
    }
    if (out)
        *out = files;
    return true;
}

} // namespace tambo::patrimonio
