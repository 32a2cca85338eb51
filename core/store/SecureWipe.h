#pragma once

#include <QByteArray>

#include <cstddef>

namespace tambo::core {

// Overwrites the bytes of key material before they are freed, in a way the optimiser may not
// remove, then empties the array. A shared (implicitly copied) array is only released: its other
// owners wipe their own copy.
inline void secureWipe(QByteArray &bytes)
{
    if (bytes.isDetached() && !bytes.isEmpty()) {
        volatile char *p = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

} // namespace tambo::core
