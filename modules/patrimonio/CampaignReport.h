#pragma once

#include "Campaign.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace tambo::patrimonio {

// The documents of a closed campaign, from its frozen results (no SQL, no widgets):
//  - the acta de inventario (comisión, fecha de corte, totals per outcome, the faltantes and
//    sobrantes lists, signature lines) and the informe final (the same totals, every bien found
//    elsewhere or with a changed estado, and the faltantes and sobrantes with their value), as
//    HTML rendered to PDF with QTextDocument and QPdfWriter (A4, 300 dpi);
//  - the CSV for the conciliación con contabilidad, as Excel opens it on a Windows PC set to
//    Spanish (Peru) with a double click: UTF-8 with a byte order mark (without it Excel reads
//    ANSI and breaks the ñ and accents), ';' between fields (names and denominaciones hold
//    commas), CRLF line ends, valor with a '.' decimal point and no thousands separator, and
//    the código written as ="740899500006" so that Excel keeps it as text (12 digits would
//    otherwise show as 7.40899E+11). Fields with ';', '"' or line breaks are quoted ("" inside);
//    a text starting with = + - @ gets a leading ' so that Excel never runs it as a formula.
//    docs/adr/0009-inventory-campaigns.md records the choice.
// The texts come from tr(): Spanish with the es_PE translation, the default UI language.
class CampaignReport
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::CampaignReport)

public:
    struct Files
    {
        QString acta;
        QString informe;
        QString csv;
    };

    CampaignReport(Campaign campaign, QList<CampaignResult> results);

    // Names shown for sede and área ids (the id itself when missing).
    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);
    void setEntityName(const QString &name) { m_entity = name; }

    CampaignTotals totals() const;
    QString actaHtml() const;
    QString informeHtml() const;
    QByteArray csv() const;

    static bool writePdf(const QString &html, const QString &path, QString *error = nullptr);
    // Writes acta, informe and CSV into dir (created when missing), named after the campaign.
    bool writeAll(const QString &dir, Files *out, QString *error = nullptr) const;

private:
    QString placeText(const InventoryPlace &place) const;
    QString shortPlaceText(const InventoryPlace &place) const;
    QString header(const QString &title) const;
    QString totalsTable(const CampaignTotals &t) const;
    QString listTable(CampaignOutcome outcome, bool withFoundPlace) const;
    QString fileStem() const;

    Campaign m_campaign;
    QList<CampaignResult> m_results;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
    QString m_entity;
};

} // namespace tambo::patrimonio
