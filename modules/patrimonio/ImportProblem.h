#pragma once

#include <QString>

namespace tambo::patrimonio {

// One reason why a row of an import file cannot be imported. A row may have several.
struct ImportProblem
{
    enum class Reason {
        MissingColumn,     // a required column is not in the file (row 1, the header)
        MissingField,      // a required cell is empty
        BadCode,           // not a valid código patrimonial
        UnknownCatalogo,   // the first 8 digits are not in the SBN catálogo
        DuplicateInFile,   // the same código on an earlier row
        AlreadyRegistered, // the código is in the register already
        BadDate,
        BadNumber,
        UnknownEstado,
        UnknownSituacion,
        UnknownSede,
        UnknownArea,
    };

    int row = 0;    // spreadsheet row (the header is row 1)
    QString codigo; // as written in the file
    QString field;  // ImportMapping::fieldKey(), empty for the whole row
    Reason reason = Reason::MissingField;
    QString message; // translated, says what is wrong and what to do
};

} // namespace tambo::patrimonio
