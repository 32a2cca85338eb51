#pragma once

#include "module/AdminCommand.h"

#include <QCoreApplication>

#include <functional>

namespace tambo::patrimonio {

class LabelProfileCatalog;
class LabelService;

// `tambo-admin patrimonio labels --store S [--key-file K] --profile P --out FILE.pdf
//  [--skip N] (códigos… | --all)` and `… labels --store S --list-profiles`: the label PDF from a
// script, as the register's "Print labels" makes it. --profile is a profile id
// (LabelProfileCatalog: built-in ones plus OTIC's JSON files) or the path of a JSON file with
// one profile. Without códigos nothing is assumed: --all asks for every asset explicitly.
// Exit codes: 0 written; 1 a código is malformed or not in the register, a bad profile file,
// the store or the file could not be written (nothing is written then); 2 usage (missing
// option, unknown profile id, códigos together with --all). The PDF goes through a temporary
// file renamed into place at the end.
class LabelAdminCommand
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::LabelAdminCommand)

public:
    using ServiceSource = std::function<const LabelService *()>;

    static core::AdminCommand command(ServiceSource labels);
    static int run(core::AdminCommand::Context &ctx,
                   const LabelService *labels,
                   const LabelProfileCatalog &catalog);
};

} // namespace tambo::patrimonio
