#pragma once

#include "LabelProfile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::patrimonio {

// The label profiles to choose from at print time: the built-in ones (resource
// :/patrimonio/label-profiles.json) followed by the ones in JSON files OTIC adds. A file holds
// one profile object or {"profiles": [ … ]} (LabelProfile has the format). Files are read in
// the order of the directories given (each directory's *.json by name); a profile whose id is
// already known replaces it in place, so OTIC can adjust a built-in profile's margins to its
// printers. A bad file or profile is skipped and reported in problems(); the rest still load.
class LabelProfileCatalog
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::LabelProfileCatalog)

public:
    // The built-in profiles only.
    LabelProfileCatalog();

    // Built-in profiles plus every *.json in dirs (missing dirs are fine).
    static LabelProfileCatalog load(const QStringList &dirs);
    // Built-in profiles plus defaultDirectories().
    static LabelProfileCatalog loadDefault();
    // "label-profiles" under each of QStandardPaths' AppConfigLocation folders, system-wide
    // first and the user's last (so the user's win), e.g. on Linux
    // /etc/xdg/MunicipalidadTacna/Tambo/label-profiles then
    // ~/.config/MunicipalidadTacna/Tambo/label-profiles.
    static QStringList defaultDirectories();

    // Adds the profiles of one JSON file; false (and a problem) when it cannot be read at all.
    bool addFile(const QString &path);
    // Adds the profiles of JSON text; source names it in problems.
    int addJson(const QByteArray &json, const QString &source);
    void add(const LabelProfile &profile);

    QList<LabelProfile> profiles() const { return m_profiles; }
    std::optional<LabelProfile> find(const QString &id) const;
    QStringList problems() const { return m_problems; }

    // Reads one profile from a JSON file given on a command line: the file must hold exactly
    // one profile.
    static std::optional<LabelProfile> profileFromFile(const QString &path, QString *error);

private:
    QList<LabelProfile> m_profiles;
    QStringList m_problems;
};

} // namespace tambo::patrimonio
