#include "CodigoPatrimonial.h"

namespace tambo::patrimonio {

CodigoPatrimonial::CodigoPatrimonial(const QString &input)
    : m_text(normalized(input))
{
    if (m_text.isEmpty())
        m_problem = Problem::Empty;
    else if (!isAsciiDigits(m_text))
        m_problem = Problem::NotDigits;
    else if (m_text.size() != Length)
        m_problem = Problem::WrongLength;
    else if (m_text.startsWith(QLatin1String("00000000")))
        m_problem = Problem::ZeroCatalogo;
    else if (m_text.endsWith(QLatin1String("0000")))
        m_problem = Problem::ZeroCorrelativo;
    else
        m_problem = Problem::None;
}

CodigoPatrimonial CodigoPatrimonial::fromParts(const QString &catalogo, int correlativo)
{
    // Out-of-range parts give a code that fails validation with the matching problem.
    return CodigoPatrimonial(catalogo + QString::number(correlativo).rightJustified(4, u'0'));
}

QString CodigoPatrimonial::problemText() const
{
    switch (m_problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return tr("No code was given: a código patrimonial has 12 digits.");
    case Problem::WrongLength:
        return tr("“%1” has %n digit(s); a código patrimonial has 12 (8 of the SBN catálogo "
                  "and 4 of the correlativo).",
                  nullptr,
                  int(m_text.size()))
            .arg(m_text);
    case Problem::NotDigits:
        return tr("“%1” is not a código patrimonial: it may only contain digits 0 to 9.").arg(m_text);
    case Problem::ZeroCatalogo:
        return tr("“%1” is not a código patrimonial: the catálogo part 00000000 does not exist.")
            .arg(m_text);
    case Problem::ZeroCorrelativo:
        return tr("“%1” is not a código patrimonial: the correlativo 0000 does not exist (it "
                  "starts at 0001).")
            .arg(m_text);
    }
    return {};
}

QString CodigoPatrimonial::catalogo() const
{
    return isValid() ? m_text.left(CatalogoLength) : QString();
}

QString CodigoPatrimonial::correlativo() const
{
    return isValid() ? m_text.right(CorrelativoLength) : QString();
}

int CodigoPatrimonial::correlativoNumber() const
{
    return isValid() ? correlativo().toInt() : 0;
}

QString CodigoPatrimonial::normalized(const QString &input)
{
    QString out;
    out.reserve(input.size());
    const QString trimmed = input.trimmed();
    for (const QChar c : trimmed) {
        if (c == u' ' || c == u'-' || c == QChar::Nbsp)
            continue;
        out.append(c);
    }
    return out;
}

bool CodigoPatrimonial::isValidCatalogo(const QString &catalogo)
{
    return catalogo.size() == CatalogoLength && isAsciiDigits(catalogo)
           && catalogo != QLatin1String("00000000");
}

bool CodigoPatrimonial::isAsciiDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace tambo::patrimonio
