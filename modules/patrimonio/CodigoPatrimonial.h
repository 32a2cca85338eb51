#pragma once

#include <QCoreApplication>
#include <QString>

namespace tambo::patrimonio {

// The código patrimonial of a bien mueble (GUIDE §6): 12 digits, the 8-digit code of the SBN
// catálogo (Catálogo Nacional de Bienes Muebles del Estado) followed by a 4-digit correlativo
// that numbers the entity's assets of that catálogo code, e.g. 740899500006 = catálogo 74089950
// (CPU), correlativo 0006. The correlativo starts at 0001; catálogo 00000000 does not exist.
//
// Input is normalised before it is checked: surrounding white space is dropped, and so are
// spaces and hyphens between the digits ("7408 9950-0006"), as people copy codes from printed
// actas. Only ASCII digits count as digits.
class CodigoPatrimonial
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::CodigoPatrimonial)

public:
    static constexpr int Length = 12;
    static constexpr int CatalogoLength = 8;
    static constexpr int CorrelativoLength = 4;

    enum class Problem {
        None,
        Empty,
        WrongLength,     // not 12 characters after normalising
        NotDigits,       // letters or other signs
        ZeroCatalogo,    // 00000000
        ZeroCorrelativo, // 0000
    };

    CodigoPatrimonial() = default; // invalid (Problem::Empty)
    explicit CodigoPatrimonial(const QString &input);

    // Builds a code from its parts; invalid when a part is out of range.
    static CodigoPatrimonial fromParts(const QString &catalogo, int correlativo);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    // Plain, translated reason for the user ("has 11 digits; a código patrimonial has 12"),
    // empty when valid.
    QString problemText() const;

    // The 12 digits when valid; otherwise the normalised input.
    QString toString() const { return m_text; }
    QString catalogo() const;      // first 8 digits, empty when invalid
    QString correlativo() const;   // last 4 digits, empty when invalid
    int correlativoNumber() const; // 1..9999, 0 when invalid

    static QString normalized(const QString &input);
    static bool isValidCatalogo(const QString &catalogo); // 8 ASCII digits, not all zero
    static bool isAsciiDigits(const QString &text);

    friend bool operator==(const CodigoPatrimonial &a, const CodigoPatrimonial &b)
    {
        return a.m_problem == b.m_problem && a.m_text == b.m_text;
    }

private:
    QString m_text;
    Problem m_problem = Problem::Empty;
};

} // namespace tambo::patrimonio
