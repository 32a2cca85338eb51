#pragma once

#include <QDateTime>
#include <QString>

namespace tambo::core {

// A UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds from `now`, then random
// bits; ids made later sort later, which keeps B-tree inserts local. Lower case, with hyphens.
// Qt 6.4 has no QUuid::createUuidV7() (6.9 does). Used by the modules and by core/sync.
QString makeUuid7(const QDateTime &now);

} // namespace tambo::core
