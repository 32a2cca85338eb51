#pragma once

#include <QCoreApplication>
#include <QString>

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

// How the patrimonio repositories report a failure to their caller: the caller's QString (when
// it asked for one) gets the translated message and the operation returns false.
//     const RepositoryError fail(error);
//     if (!q.exec())
//         return fail(tr("Cannot save the asset: %1").arg(q.lastError().text()));
class RepositoryError
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::RepositoryError)

public:
    explicit RepositoryError(QString *error)
        : m_error(error)
    {}

    // Sets the caller's error; false, for `return fail(message);`.
    bool operator()(const QString &message) const;

    // True when the session lacks the permission; *error (when given) then says what the user
    // may not do and which permission that takes. The check repositories make before any work,
    // whatever the widgets show.
    static bool denied(const core::Session &session,
                       const char *permission,
                       const QString &what,
                       QString *error);

private:
    QString *m_error;
};

} // namespace tambo::patrimonio
