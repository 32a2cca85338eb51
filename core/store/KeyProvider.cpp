#include "store/KeyProvider.h"

#include <QRandomGenerator>

#include <array>

namespace tambo::core {

QByteArray KeyProvider::randomKey()
{
    std::array<quint32, KeySize / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    QByteArray key(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    volatile quint32 *p = words.data();
    for (std::size_t i = 0; i < words.size(); ++i)
        p[i] = 0;
    return key;
}

} // namespace tambo::core
