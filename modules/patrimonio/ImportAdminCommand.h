#pragma once

#include "module/AdminCommand.h"

#include <QCoreApplication>

#include <functional>

namespace tambo::patrimonio {

class AssetImporter;

// `tambo-admin patrimonio import --store S [--key-file K] --mapping M FILE [--dry-run]`:
// reads FILE (CSV as Excel writes it), checks every row with the mapping M (a JSON file or the
// built-in name "siga") and prints the report: one line per problem (row, código, field,
// reason) and a summary. Without --dry-run and without problems it imports every row in one
// transaction. Exit codes: 0 imported, or a dry run without problems; 1 some rows are bad
// (nothing imported) or the import failed; 2 usage error.
//
// tambo-admin runs as an OTIC administrator, who holds the store key; for this command it also
// acts with patrimonio.edit, so the audit log records the import under "tambo-admin".
class ImportAdminCommand
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::ImportAdminCommand)

public:
    // importer() is asked when the command runs (the module is initialised by then).
    static core::AdminCommand make(std::function<AssetImporter *()> importer);
    static int run(AssetImporter *importer, core::AdminCommand::Context &ctx);
};

} // namespace tambo::patrimonio
