#pragma once

#include "FakeClock.h"
#include "ShellServices.h"
#include "settings/AppSettings.h"
#include "store/MemoryKeyProvider.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>

#include <memory>

namespace tambo::test {

// A workspace on a temporary encrypted store with core's demo data (admin/tambo2026 and one
// user per role), a FakeClock and its own settings file: what the shell tests start from.
class ShellTestEnv
{
public:
    ShellTestEnv();
    ~ShellTestEnv();

    // Opens and seeds; false with error() when that failed.
    bool open();
    QString error() const { return m_error; }

    core::Workspace &workspace() const { return *m_workspace; }
    shell::ShellServices services() const;
    core::AppSettings &settings() { return *m_settings; }
    FakeClock &clock() { return m_clock; }
    QString storePath() const;

    static QString adminUser() { return QStringLiteral("admin"); }
    static QString password();

private:
    QTemporaryDir m_dir;
    core::MemoryKeyProvider m_keys;
    FakeClock m_clock;
    std::unique_ptr<core::AppSettings> m_settings;
    std::unique_ptr<core::Workspace> m_workspace;
    QString m_error;
};

} // namespace tambo::test
