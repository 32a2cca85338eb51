#pragma once

#include <QChar>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace tambo::patrimonio {

// Estado de conservación of a bien (GUIDE §6), stored as its one-letter code.
enum class Estado : char {
    Nuevo = 'N',
    Bueno = 'B',
    Regular = 'R',
    Malo = 'M',
    Raee = 'X',     // residuo de aparatos eléctricos y electrónicos
    Chatarra = 'Y', // scrap
};

// Situación: whether the bien is in use.
enum class Situacion : char {
    Uso = 'U',
    Desuso = 'D',
};

// Codes, translated titles and parsing of Estado and Situacion.
class Estados
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::Estados)

public:
    static QList<Estado> all(); // N, B, R, M, X, Y
    static QChar code(Estado estado) { return QChar::fromLatin1(static_cast<char>(estado)); }
    // Upper or lower case letter; nothing for anything else.
    static std::optional<Estado> fromCode(QChar code);
    static std::optional<Estado> fromCode(const QString &code);
    static QString title(Estado estado); // "Good" → es "Bueno"
    // Estados that end an asset's useful life (RAEE, chatarra): setting them needs approval.
    static bool isEndOfLife(Estado estado)
    {
        return estado == Estado::Raee || estado == Estado::Chatarra;
    }

    // In the store: "uso" / "desuso".
    static QString situacionKey(Situacion situacion);
    static std::optional<Situacion> situacionFromKey(const QString &key);
    static QString situacionTitle(Situacion situacion); // "In use" → es "En uso"
};

} // namespace tambo::patrimonio
