#include "SigaExportGenerator.h"

#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>

namespace tambo::bench {

namespace {

QStringList column(QSqlQuery &q, const QString &sql)
{
    QStringList values;
    q.exec(sql);
    while (q.next())
        values << q.value(0).toString();
    return values;
}

} // namespace

QByteArray SigaExportGenerator::csv(core::Workspace &ws, int rows, int lastCorrelativo)
{
    QSqlQuery q(ws.store().database());
    const QStringList catalogo = column(q,
                                        QStringLiteral(
                                            "SELECT code FROM patrimonio_catalogo ORDER BY code"));
    const QStringList codigos = column(q, QStringLiteral("SELECT codigo FROM patrimonio_assets"));
    const QSet<QString> registered(codigos.begin(), codigos.end());
    const QStringList sedes = column(q, QStringLiteral("SELECT name FROM sedes ORDER BY id"));
    if (sedes.isEmpty())
        return {};

    QByteArray out("\xEF\xBB\xBF");
    out += "CODIGO_PATRIMONIAL;DENOMINACION;MARCA;MODELO;SERIE;COLOR;ESTADO;SEDE;"
           "UBICACION_FISICA;RESPONSABLE;FECHA_ADQUISICION;VALOR_ADQUISICION;CUENTA_CONTABLE;"
           "OBSERVACIONES\r\n";
    out.reserve(qsizetype(rows) * 190);
    static const char *estados[] = {"BUENO", "REGULAR", "MALO", "NUEVO"};
    int n = 0;
    for (const QString &cat : catalogo) {
        for (int k = 1; k <= lastCorrelativo && n < rows; ++k) {
            const QString code = cat + QString::number(k).rightJustified(4, u'0');
            if (registered.contains(code))
                continue;
            out += code.toLatin1();
            out += ";BIEN IMPORTADO ";
            out += QByteArray::number(n % 97);
            out += ";HP;PRODESK 400 G7;MXL";
            out += QByteArray::number(1000000 + n);
            out += ";NEGRO;";
            out += estados[n % 4];
            out += ';';
            out += sedes.at(n % sedes.size()).toUtf8();
            out += ";OFICINA ";
            out += QByteArray::number(n % 300);
            out += ";MAMANI QUISPE, Rosa;";
            out += QStringLiteral("%1/%2/20%3")
                       .arg(1 + n % 28, 2, 10, QLatin1Char('0'))
                       .arg(1 + n % 12, 2, 10, QLatin1Char('0'))
                       .arg(10 + n % 15)
                       .toLatin1();
            out += ";\"";
            out += QByteArray::number(1000 + n % 5000);
            out += ",";
            out += QByteArray::number(100 + n % 900);
            out += ".50\";1503.0203;";
            if (n % 50 == 0)
                out += "\"Con teclado; mouse\"";
            out += "\r\n";
            ++n;
        }
    }
    return n == rows ? out : QByteArray();
}

} // namespace tambo::bench
