#include "LabelAdminCommand.h"

#include "LabelProfileCatalog.h"
#include "LabelService.h"
#include "LabelSheetRenderer.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace tambo::patrimonio {

namespace {

enum ExitCode { Ok = 0, RuntimeError = 1, UsageError = 2 };

int usage(core::AdminCommand::Context &ctx, const QString &message)
{
    ctx.err << LabelAdminCommand::tr("tambo-admin: %1").arg(message) << '\n'
            << LabelAdminCommand::tr("Use 'tambo-admin --help' to see the commands.") << Qt::endl;
    return UsageError;
}

int failure(core::AdminCommand::Context &ctx, const QString &message)
{
    ctx.err << LabelAdminCommand::tr("tambo-admin: %1").arg(message) << Qt::endl;
    return RuntimeError;
}

QStringList ids(const LabelProfileCatalog &catalog)
{
    QStringList out;
    for (const LabelProfile &p : catalog.profiles())
        out << p.id;
    return out;
}

} // namespace

core::AdminCommand LabelAdminCommand::command(ServiceSource labels)
{
    core::AdminCommand c;
    c.name = QStringLiteral("labels");
    c.synopsis = tr("--profile P --out FILE.pdf [--skip N] (CODES… | --all)\n"
                    "                                       asset labels as PDF; --list-profiles "
                    "shows the profiles");
    c.options = {
        {QStringLiteral("profile"),
         tr("Label profile: an id (see --list-profiles) or a JSON file with one profile."),
         QStringLiteral("P")},
        {QStringLiteral("out"), tr("PDF file to write."), QStringLiteral("FILE")},
        {QStringLiteral("all"), tr("A label for every asset in the register, by code.")},
        {QStringLiteral("skip"),
         tr("Label positions to leave empty at the start of the first sheet."),
         QStringLiteral("N")},
        {QStringLiteral("list-profiles"), tr("List the label profiles and exit.")},
    };
    c.run = [labels = std::move(labels)](core::AdminCommand::Context &ctx) {
        const LabelProfileCatalog catalog = LabelProfileCatalog::loadDefault();
        return run(ctx, labels ? labels() : nullptr, catalog);
    };
    return c;
}

int LabelAdminCommand::run(core::AdminCommand::Context &ctx,
                           const LabelService *labels,
                           const LabelProfileCatalog &catalog)
{
    const QCommandLineParser &args = ctx.args;
    for (const QString &problem : catalog.problems())
        ctx.err << tr("tambo-admin: warning: %1").arg(problem) << '\n';

    if (args.isSet(QStringLiteral("list-profiles"))) {
        for (const LabelProfile &p : catalog.profiles())
            ctx.out << p.id << '\t' << p.description() << '\t' << p.name << '\n';
        ctx.out.flush();
        return Ok;
    }
    const QString profileArg = args.value(QStringLiteral("profile"));
    const QString out = args.value(QStringLiteral("out"));
    const QStringList codes = args.positionalArguments();
    const bool all = args.isSet(QStringLiteral("all"));
    if (profileArg.isEmpty())
        return usage(ctx,
                     tr("--profile is required (one of: %1)")
                         .arg(ids(catalog).join(QStringLiteral(", "))));
    if (out.isEmpty())
        return usage(ctx, tr("--out is required"));
    if (codes.isEmpty() && !all)
        return usage(ctx, tr("give the códigos patrimoniales to label, or --all for every asset"));
    if (!codes.isEmpty() && all)
        return usage(ctx, tr("give either códigos or --all, not both"));
    int skip = 0;
    if (args.isSet(QStringLiteral("skip"))) {
        bool ok = false;
        skip = args.value(QStringLiteral("skip")).toInt(&ok);
        if (!ok || skip < 0)
            return usage(ctx, tr("--skip needs a number of label positions (0 or more)"));
    }

    std::optional<LabelProfile> profile = catalog.find(profileArg);
    if (!profile) {
        const QFileInfo file(profileArg);
        if (!file.isFile()) {
            return usage(ctx,
                         tr("unknown label profile '%1' (profiles: %2; or give a JSON file)")
                             .arg(profileArg, ids(catalog).join(QStringLiteral(", "))));
        }
        QString error;
        profile = LabelProfileCatalog::profileFromFile(profileArg, &error);
        if (!profile)
            return failure(ctx, error);
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return failure(ctx, tr("drawing labels needs a QGuiApplication."));
    if (!labels)
        return failure(ctx, tr("the patrimonio module has no store."));

    const LabelService::Batch batch = all ? labels->allLabels(ctx.session)
                                          : labels->labelsFor(ctx.session, codes);
    if (!batch.ok()) {
        ctx.err << tr("tambo-admin: no labels were written.") << '\n';
        return failure(ctx, batch.problemText());
    }
    if (batch.labels.isEmpty())
        return failure(ctx, tr("the register is empty: there is nothing to label."));
    LabelSheetRenderer renderer(*profile);
    renderer.setSkip(skip);
    QString error;
    if (!renderer.writePdf(out, batch.labels, &error))
        return failure(ctx, error);
    const int pages = renderer.pageCount(int(batch.labels.size()));
    ctx.out << tr("%n label(s)", nullptr, int(batch.labels.size())) << ", "
            << tr("%n page(s)", nullptr, pages) << ", " << profile->id << ": "
            << QFileInfo(out).absoluteFilePath() << Qt::endl;
    return Ok;
}

} // namespace tambo::patrimonio
