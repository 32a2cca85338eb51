#include "ShellTestEnv.h"

#include "demo/DemoData.h"

namespace tambo::test {

ShellTestEnv::ShellTestEnv()
    : m_settings(std::make_unique<core::AppSettings>(m_dir.filePath(QStringLiteral("tambo.ini"))))
{}

ShellTestEnv::~ShellTestEnv() = default;

QString ShellTestEnv::storePath() const
{
    return m_dir.filePath(QStringLiteral("prueba.tambo"));
}

QString ShellTestEnv::password()
{
    return core::DemoData::demoPassword();
}

bool ShellTestEnv::open()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    core::Workspace::Options options;
    options.storePath = storePath();
    options.keys = &m_keys;
    options.clock = &m_clock;
    core::Workspace::OpenResult opened = core::Workspace::open(options);
    if (!opened.ok()) {
        m_error = opened.error;
        return false;
    }
    m_workspace = std::move(opened.workspace);
    return m_workspace->seedDemo(&m_error);
}

shell::ShellServices ShellTestEnv::services() const
{
    return shell::ShellServices::fromWorkspace(*m_workspace);
}

} // namespace tambo::test
