#include "LabelProfileCatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace tambo::patrimonio {

namespace {

QList<QJsonObject> profileObjects(const QJsonDocument &doc)
{
    QList<QJsonObject> out;
    if (!doc.isObject())
        return out;
    const QJsonObject root = doc.object();
    if (root.contains(QLatin1String("profiles"))) {
        for (const QJsonValue &v : root.value(QLatin1String("profiles")).toArray())
            out.append(v.toObject());
    } else {
        out.append(root);
    }
    return out;
}

} // namespace

LabelProfileCatalog::LabelProfileCatalog()
{
    QFile builtIn(QStringLiteral(":/patrimonio/label-profiles.json"));
    if (builtIn.open(QIODevice::ReadOnly))
        addJson(builtIn.readAll(), builtIn.fileName());
    else
        m_problems.append(tr("The built-in label profiles are missing from this build."));
}

LabelProfileCatalog LabelProfileCatalog::load(const QStringList &dirs)
{
    LabelProfileCatalog catalog;
    for (const QString &path : dirs) {
        const QDir dir(path);
        if (!dir.exists())
            continue;
        const QStringList files = dir.entryList({QStringLiteral("*.json")},
                                                QDir::Files | QDir::Readable,
                                                QDir::Name);
        for (const QString &file : files)
            catalog.addFile(dir.filePath(file));
    }
    return catalog;
}

LabelProfileCatalog LabelProfileCatalog::loadDefault()
{
    return load(defaultDirectories());
}

QStringList LabelProfileCatalog::defaultDirectories()
{
    QStringList dirs;
    // standardLocations() lists the user's folder first; the user's files should win.
    const QStringList config = QStandardPaths::standardLocations(QStandardPaths::AppConfigLocation);
    for (auto it = config.crbegin(); it != config.crend(); ++it)
        dirs.append(QDir(*it).filePath(QStringLiteral("label-profiles")));
    return dirs;
}

bool LabelProfileCatalog::addFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problems.append(tr("%1: cannot be read (%2).").arg(path, file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_problems.append(tr("%1: not valid JSON (%2 at byte %3).")
                              .arg(path, parseError.errorString())
                              .arg(parseError.offset));
        return false;
    }
    addJson(doc.toJson(), path);
    return true;
}

int LabelProfileCatalog::addJson(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_problems.append(tr("%1: not valid JSON (%2 at byte %3).")
                              .arg(source, parseError.errorString())
                              .arg(parseError.offset));
        return 0;
    }
    int added = 0;
    for (const QJsonObject &o : profileObjects(doc)) {
        QString error;
        const auto profile = LabelProfile::fromJson(o, &error);
        if (!profile) {
            m_problems.append(tr("%1: %2").arg(source, error));
            continue;
        }
        add(*profile);
        ++added;
    }
    return added;
}

void LabelProfileCatalog::add(const LabelProfile &profile)
{
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(), [&](const LabelProfile &p) {
        return p.id == profile.id;
    });
    if (it != m_profiles.end())
        *it = profile;
    else
        m_profiles.append(profile);
}

std::optional<LabelProfile> LabelProfileCatalog::find(const QString &id) const
{
    for (const LabelProfile &p : m_profiles) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

std::optional<LabelProfile> LabelProfileCatalog::profileFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot be read (%2).").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = tr("%1: not valid JSON (%2 at byte %3).")
                         .arg(path, parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    const QList<QJsonObject> objects = profileObjects(doc);
    if (objects.size() != 1) {
        if (error)
            *error = tr("%1: holds %n profile(s); give a file with exactly one.",
                        nullptr,
                        int(objects.size()))
                         .arg(path);
        return std::nullopt;
    }
    QString why;
    const auto profile = LabelProfile::fromJson(objects.first(), &why);
    if (!profile && error)
        *error = tr("%1: %2").arg(path, why);
    return profile;
}

} // namespace tambo::patrimonio
