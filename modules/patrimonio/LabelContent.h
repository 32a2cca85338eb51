#pragma once

#include <QList>
#include <QString>

namespace tambo::patrimonio {

// What one label shows besides the entity's name: the código patrimonial (printed as text and
// encoded, as is, in the barcode) and the bien's denominación (elided to fit).
struct LabelContent
{
    QString codigo;
    QString denominacion;

    friend bool operator==(const LabelContent &a, const LabelContent &b)
    {
        return a.codigo == b.codigo && a.denominacion == b.denominacion;
    }
};

using LabelContents = QList<LabelContent>;

} // namespace tambo::patrimonio
