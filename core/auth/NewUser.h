#pragma once

#include <QString>

namespace tambo::core {

// What UserService::addUser() needs to create an account.
struct NewUser
{
    QString username; // 2-32 characters: letters, digits, '.', '_' or '-'; kept in lower case
    QString fullName;
    QString roleId;   // one of Roles.h
    QString sedeId;   // empty = not tied to a sede
    QString password; // at least UserService::MinPasswordLength characters
};

} // namespace tambo::core
