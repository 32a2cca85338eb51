#include "RepositoryError.h"

#include "auth/Session.h"

namespace tambo::patrimonio {

bool RepositoryError::operator()(const QString &message) const
{
    if (m_error)
        *m_error = message;
    return false;
}

bool RepositoryError::denied(const core::Session &session,
                             const char *permission,
                             const QString &what,
                             QString *error)
{
    if (session.can(QString::fromLatin1(permission)))
        return false;
    const RepositoryError fail(error);
    fail(tr("You may not %1 (permission %2).").arg(what, QString::fromLatin1(permission)));
    return true;
}

} // namespace tambo::patrimonio
