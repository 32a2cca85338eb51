#pragma once

#include <QString>

namespace tambo::core {

// A page a module offers, described without widgets so that core can filter it by permission.
// The shell builds the widget itself through the module's tambo::ModuleUi (app/shell/ModuleUi.h).
struct PageDescriptor
{
    QString id;                 // unique, "<module>.<page>", e.g. "patrimonio.inventario"
    QString title;              // translated
    QString iconName;           // resource path (":/icons/x.svg") or freedesktop theme name
    QString requiredPermission; // a page without one is never shown (ModuleManager reports it)
    int order = 0;              // navigation order across modules, low first
    QString moduleId;           // filled in by ModuleManager; modules leave it empty
};

} // namespace tambo::core
