#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>

namespace tambo::core {

struct Session;

// A command a module adds to tambo-admin: `tambo-admin <module id> <name> --store S
// [--key-file K] [options] [arguments]`. tambo-admin builds one QCommandLineParser with --store,
// --key-file and the command's options, opens the store (so the module is initialised), and calls
// run(). The command writes its report to out and its errors to err (translated, Spanish by
// default) and returns tambo-admin's exit code: 0 success, 1 runtime error, 2 usage error.
// A command that fails leaves nothing half-written (one transaction, or a temporary file renamed
// into place at the end).
struct AdminCommand
{
    struct Context
    {
        const QCommandLineParser &args; // parsed; args.positionalArguments() are the operands
        const Session &session;         // tambo-admin acts as an OTIC administrator
        QTextStream &out;
        QTextStream &err;
    };

    QString name;                      // "labels"
    QString synopsis;                  // one help line after "<module> <name>", translated
    QList<QCommandLineOption> options; // besides --store and --key-file
    std::function<int(Context &)> run;
};

} // namespace tambo::core
