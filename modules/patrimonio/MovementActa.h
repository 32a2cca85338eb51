#pragma once

#include "Movement.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

namespace tambo::patrimonio {

// The printable acta of an approved movement (acta de asignación / desplazamiento / devolución,
// or of baja with its resolution), in the user's language (Spanish): the entity, the acta
// number and date, the assets with where they were and where they go, and signature lines
// (who hands over, who receives, the jefe de patrimonio). Written as PDF with QTextDocument
// and QPdfWriter (A4); needs a QGuiApplication for fonts.
class MovementActa
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::MovementActa)

public:
    struct Names
    {
        QHash<QString, QString> sedes; // id → name
        QHash<QString, QString> areas;
        QString entity; // "Municipalidad Provincial de Tacna"
    };

    static QString title(const Movement &movement);
    static QString html(const Movement &movement, const Names &names);
    // Lays the acta out on the printable area of `device` (its page size and margins set),
    // leaving room at the foot of each page for "Página N de M": the document's page size is
    // that area less the footer. writePdf() paints it page by page with the numbers.
    static void layOut(QTextDocument *doc,
                       const Movement &movement,
                       const Names &names,
                       QPagedPaintDevice *device);
    // False and *error for a movement that is not approved or a file that cannot be written.
    static bool writePdf(const Movement &movement,
                         const Names &names,
                         const QString &path,
                         QString *error = nullptr);
};

} // namespace tambo::patrimonio
