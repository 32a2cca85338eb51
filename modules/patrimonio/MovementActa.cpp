#include "MovementActa.h"

#include "Asset.h"
#include "MovementRepository.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace tambo::patrimonio {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QFont footerFont()
{
    QFont font(QStringLiteral("sans-serif"));
    font.setPointSize(8);
    return font;
}

// Room at the foot of each page for its number: two lines of the footer font.
qreal footerHeight(QPaintDevice *device)
{
    return 2 * QFontMetricsF(footerFont(), device).height();
}

} // namespace

QString MovementActa::title(const Movement &movement)
{
    switch (movement.kind) {
    case MovementKind::Asignacion:
        return tr("ACTA OF ASSIGNMENT OF ASSETS");
    case MovementKind::Desplazamiento:
        return tr("ACTA OF TRANSFER OF ASSETS");
    case MovementKind::Devolucion:
        return tr("ACTA OF RETURN OF ASSETS");
    case MovementKind::Baja:
        return tr("ACTA OF WRITE-OFF (BAJA) OF ASSETS");
    }
    return {};
}

QString MovementActa::html(const Movement &m, const Names &names)
{
    auto place = [&names](const QString &sede, const QString &area, const QString &ambiente) {
        QStringList parts;
        parts << names.sedes.value(sede, sede);
        if (!area.isEmpty())
            parts << names.areas.value(area, area);
        if (!ambiente.isEmpty())
            parts << ambiente;
        return parts.join(QLatin1String(" / "));
    };
    const QString entity = names.entity.isEmpty() ? tr("Municipalidad Provincial de Tacna")
                                                  : names.entity;
    const QDateTime decided = m.decidedAt.isValid() ? m.decidedAt : m.proposedAt;
    QString h;
    h += QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 10pt;\">");
    h += QStringLiteral("<p align=\"center\"><b>%1</b><br/>%2</p>")
             .arg(esc(entity.toUpper()), esc(tr("Oficina de Control Patrimonial")));
    h += QStringLiteral("<h2 align=\"center\">%1</h2>").arg(esc(title(m)));
    h += QStringLiteral("<p align=\"center\"><b>%1</b></p>")
             .arg(esc(tr("N.º %1").arg(m.acta.isEmpty() ? tr("(not approved)") : m.acta)));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("In Tacna, on %1, the assets listed below are recorded as follows.")
                          .arg(decided.toLocalTime().toString(QStringLiteral("dd/MM/yyyy")))));
    h += QStringLiteral("<table border=\"0\" cellspacing=\"2\">");
    auto row = [&h](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    row(tr("Movement:"), MovementRepository::kindTitle(m.kind));
    if (!m.toSedeId.isEmpty())
        row(tr("Destination:"), place(m.toSedeId, m.toAreaId, m.toAmbiente));
    if (m.kind != MovementKind::Baja)
        row(tr("Receiving custodian:"), m.toResponsable);
    if (m.kind == MovementKind::Baja)
        row(tr("Resolution:"), m.resolucion);
    if (m.toEstado)
        row(tr("New condition:"), Estados::title(*m.toEstado));
    row(tr("Reason:"), m.motivo);
    row(tr("Proposed by:"), m.proposedBy);
    row(tr("Approved by:"), m.decidedBy);
    h += QStringLiteral("</table><br/>");

    // The header row repeats on every page of a long acta (<thead>).
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
                        "<thead><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>"
                        "</thead>")
             .arg(esc(tr("No.")),
                  esc(tr("Código patrimonial")),
                  esc(tr("Denomination")),
                  esc(tr("From (place / custodian)")),
                  esc(tr("Condition")));
    int n = 0;
    for (const MovementItem &i : m.items) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(QString::number(++n),
                      esc(i.codigo),
                      esc(i.denominacion),
                      esc(place(i.sedeId, i.areaId, i.ambiente)
                          + (i.responsable.isEmpty() ? QString()
                                                     : QStringLiteral(" — ") + i.responsable)),
                      esc(Estados::title(i.estado)));
    }
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Total: %n asset(s).", nullptr, int(m.items.size()))));

    // Signature lines: who hands over, who receives, and the jefe de patrimonio.
    QString from;
    for (const MovementItem &i : m.items) {
        if (!i.responsable.isEmpty()) {
            from = i.responsable;
            break;
        }
    }
    const QString line = QStringLiteral("______________________________");
    auto signature = [&](const QString &role, const QString &name) {
        return QStringLiteral("<td align=\"center\" width=\"33%\"><br/><br/><br/>%1<br/>%2<br/>"
                              "<b>%3</b></td>")
            .arg(line, esc(name), esc(role));
    };
    h += QStringLiteral("<br/><br/><table width=\"100%\"><tr>");
    if (m.kind == MovementKind::Baja) {
        h += signature(tr("Custodian"), from);
        h += signature(tr("Jefe de Control Patrimonial"), m.decidedBy);
        h += signature(tr("Comisión / Oficina de Contabilidad"), QString());
    } else {
        h += signature(tr("Hands over"), from);
        h += signature(tr("Receives"), m.toResponsable);
        h += signature(tr("Jefe de Control Patrimonial"), m.decidedBy);
    }
    h += QStringLiteral("</tr></table></body></html>");
    return h;
}

void MovementActa::layOut(QTextDocument *doc,
                          const Movement &movement,
                          const Names &names,
                          QPagedPaintDevice *device)
{
    // Laid out on the device itself, in its units: left to QTextDocument::print, the acta would
    // be laid out at screen resolution inside a margin of its own, added to the page's, and the
    // tables would not reach the margins.
    doc->documentLayout()->setPaintDevice(device);
    doc->setDocumentMargin(0);
    const QSizeF area = device->pageLayout().paintRectPixels(device->logicalDpiX()).size();
    doc->setPageSize(QSizeF(area.width(), area.height() - footerHeight(device)));
    doc->setHtml(html(movement, names));
}

bool MovementActa::writePdf(const Movement &movement,
                            const Names &names,
                            const QString &path,
                            QString *error)
{
    if (movement.status != MovementStatus::Aprobado) {
        if (error)
            *error = tr("Only an approved movement has an acta.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(title(movement) + QStringLiteral(" ") + movement.acta);
        writer.setCreator(QStringLiteral("Tambo"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        QTextDocument doc;
        layOut(&doc, movement, names, &writer);
        // Each page of the document, then its number at the foot.
        const QSizeF page = doc.pageSize();
        const int pages = doc.pageCount();
        QPainter painter(&writer);
        painter.setFont(footerFont());
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(QPointF(0, i * page.height()), page);
            painter.setClipRect(context.clip); // the layout draws whole rows and frames
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.drawText(QRectF(0, page.height(), page.width(), footerHeight(&writer)),
                             Qt::AlignRight | Qt::AlignBottom,
                             tr("Page %1 of %2").arg(i + 1).arg(pages));
        }
        if (!painter.end()) {
            if (error)
                *error = tr("Cannot write %1.").arg(path);
            return false;
        }
    }
    file.close();
    if (file.size() == 0) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace tambo::patrimonio
