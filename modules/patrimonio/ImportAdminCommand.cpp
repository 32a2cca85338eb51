#include "ImportAdminCommand.h"

#include "AssetImporter.h"
#include "ImportCsvReader.h"
#include "PatrimonioPermissions.h"

#include "auth/Session.h"

#include <QFileInfo>

namespace tambo::patrimonio {

namespace {

constexpr int Ok = 0;
constexpr int Failed = 1;
constexpr int Usage = 2;

QString separatorName(QChar sep)
{
    if (sep == u'\t')
        return ImportAdminCommand::tr("tab");
    return QStringLiteral("'%1'").arg(sep);
}

} // namespace

core::AdminCommand ImportAdminCommand::make(std::function<AssetImporter *()> importer)
{
    core::AdminCommand command;
    command.name = QStringLiteral("import");
    command.synopsis = tr(
        "--mapping M FILE [--dry-run]\n"
        "        import assets from a CSV file (SIGA-MEF export or spreadsheet);\n"
        "        M is a mapping JSON file or 'siga'. Exit 0: imported (or dry run\n"
        "        without problems); 1: bad rows, nothing imported; 2: usage.");
    command.options = {
        QCommandLineOption(QStringLiteral("mapping"),
                           tr("Column mapping: a JSON file, or 'siga' for SIGA-MEF exports."),
                           QStringLiteral("M")),
        QCommandLineOption(QStringLiteral("dry-run"),
                           tr("Only check the file and print the report; import nothing.")),
    };
    command.run = [importer = std::move(importer)](core::AdminCommand::Context &ctx) {
        return run(importer ? importer() : nullptr, ctx);
    };
    return command;
}

int ImportAdminCommand::run(AssetImporter *importer, core::AdminCommand::Context &ctx)
{
    QTextStream &out = ctx.out;
    QTextStream &err = ctx.err;
    const QStringList files = ctx.args.positionalArguments();
    const QString mappingName = ctx.args.value(QStringLiteral("mapping"));
    if (mappingName.isEmpty() || files.size() != 1) {
        err << tr("tambo-admin: patrimonio import needs --mapping M and one FILE") << '\n'
            << tr("Use 'tambo-admin --help' to see the commands.") << Qt::endl;
        return Usage;
    }
    if (!importer) {
        err << tr("tambo-admin: the patrimonio module has no store.") << Qt::endl;
        return Failed;
    }
    QString error;
    const std::optional<ImportMapping> mapping = ImportMapping::loadNamed(mappingName, &error);
    if (!mapping) {
        err << tr("tambo-admin: %1").arg(error) << Qt::endl;
        return Usage;
    }
    ImportTable table;
    const QString path = files.first();
    if (!ImportCsvReader::readFile(path, &table, &error)) {
        err << tr("tambo-admin: %1").arg(error) << Qt::endl;
        return Failed;
    }

    core::Session session = ctx.session;
    session.permissions.insert(QString::fromLatin1(Permissions::Edit));
    const QString source = QFileInfo(path).fileName();
    const AssetImporter::Plan plan = importer->check(session, table, *mapping, source);
    if (!plan.error.isEmpty()) {
        err << tr("tambo-admin: %1").arg(plan.error) << Qt::endl;
        return Failed;
    }
    out << tr("File: %1 (%2, separator %3), %n row(s); mapping: %4.", nullptr, plan.rows)
               .arg(source, table.encoding, separatorName(table.separator), mapping->name())
        << '\n';
    if (!plan.problems.isEmpty()) {
        out << tr("row\tcódigo\tfield\treason") << '\n';
        for (const ImportProblem &p : plan.problems) {
            const auto field = ImportMapping::fieldFromKey(p.field);
            out << p.row << '\t' << p.codigo << '\t'
                << (field ? ImportMapping::fieldTitle(*field) : QString()) << '\t' << p.message
                << '\n';
        }
    }
    out << tr("%n row(s) correct, ", nullptr, int(plan.assets.size()))
        << tr("%n row(s) with problems.", nullptr, plan.badRows()) << '\n';
    if (!plan.problems.isEmpty()) {
        out.flush();
        err << tr("tambo-admin: nothing was imported: correct the rows listed and run again.")
            << Qt::endl;
        return Failed;
    }
    if (ctx.args.isSet(QStringLiteral("dry-run"))) {
        out << tr("Dry run: nothing was imported.") << Qt::endl;
        return Ok;
    }
    const AssetImporter::Result result = importer->run(session, plan);
    if (!result.ok()) {
        out.flush();
        err << tr("tambo-admin: %1").arg(result.error) << Qt::endl;
        return Failed;
    }
    out << tr("Imported %n asset(s) in one transaction (import %1).", nullptr, result.imported)
               .arg(result.importId)
        << Qt::endl;
    return Ok;
}

} // namespace tambo::patrimonio
