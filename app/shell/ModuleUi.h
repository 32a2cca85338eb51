#pragma once

// The widget half of a module. tambo::Module (core/module/Module.h) cannot mention widgets,
// because core never links Qt Widgets; a module that shows pages or adds actions implements this
// interface as well, on the same plugin object:
//
//     class PatrimonioPlugin : public QObject, public tambo::Module, public tambo::ModuleUi
//     {
//         Q_OBJECT
//         Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "patrimonio.json")
//         Q_INTERFACES(tambo::Module tambo::ModuleUi)
//         …
//     };
//
// The shell gets the object from ModuleManager and calls qobject_cast<tambo::ModuleUi *>() on it.
// Self-contained: QtCore headers and forward declarations only (no QtWidgets include).

#include <QList>
#include <QObject>
#include <QString>
#include <QtPlugin>

QT_BEGIN_NAMESPACE
class QAction;
class QWidget;
QT_END_NAMESPACE

namespace tambo {

namespace core {
class ModuleContext;
struct Session;
} // namespace core

namespace shell {

// What a page receives when the shell creates it. Both references outlive the page: the shell
// destroys its pages on logout and on idle lock, before the session changes.
struct PageContext
{
    const core::Session &session; // who is logged in; services check it again
    core::ModuleContext &context; // services, clock, store (the same as in initialize())
};

// Dynamic property on a QAction returned by ModuleUi::actions(): the permission the session must
// hold for the shell to show the action (a QString). Actions without it are shown to everyone.
inline constexpr char RequiredPermissionProperty[] = "tamboRequiredPermission";

} // namespace shell

class ModuleUi
{
public:
    virtual ~ModuleUi() = default;

    // The widget for one of the module's core::PageDescriptor ids (Module::pages()), or nullptr
    // for an unknown id. Called only when the session holds the page's required permission.
    virtual QWidget *createPage(const QString &pageId,
                                const shell::PageContext &context,
                                QWidget *parent)
        = 0;

    // Menu and tool bar actions, parented to parent (the shell deletes them with it). Set
    // shell::RequiredPermissionProperty on actions that need a permission.
    virtual QList<QAction *> actions(const shell::PageContext &context, QObject *parent)
    {
        Q_UNUSED(context)
        Q_UNUSED(parent)
        return {};
    }
};

} // namespace tambo

#define TAMBO_MODULE_UI_IID "pe.gob.munitacna.tambo.ModuleUi/1"
Q_DECLARE_INTERFACE(tambo::ModuleUi, TAMBO_MODULE_UI_IID)
