#pragma once

#include <QByteArray>

namespace tambo::core {
class Workspace;
}

namespace tambo::bench {

// A CSV shaped like a SIGA-MEF export of the patrimonio register, the input of bench_import and
// bench_scan: UTF-8 with BOM, ';', CRLF, the importer's default columns, dd/mm/yyyy dates,
// values "1,234.50", a quoted field with a ';' every 50 rows. The códigos are not yet registered
// in the workspace's store: correlativos 1..lastCorrelativo of each catálogo entry it has, the
// sedes its own.
class SigaExportGenerator
{
public:
    // `rows` rows; empty when the catálogo has too few free códigos.
    static QByteArray csv(core::Workspace &ws, int rows, int lastCorrelativo = 9999);
};

} // namespace tambo::bench
