#pragma once

#include "AssetImporter.h"
#include "ImportCsvReader.h"
#include "ImportMapping.h"

#include <QDialog>

#include <array>
#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class ImportPreviewModel;
class ImportProblemModel;

// "Importar bienes": pick a CSV file (Alt+A, Enter), see its first rows, map its columns to the
// register's fields (guessed from the headers, the built-in SIGA-MEF mapping, or a saved one;
// Alt+G saves the current one), check it (Alt+R, a dry run that writes nothing: every bad row
// with its reason in a sortable table and the counts), then Alt+I imports every row in one
// transaction with a progress dialog. Import stays disabled while the check found problems.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(AssetImporter &importer, const core::Session &session, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // What the buttons do, for tests and the keyboard.
    bool openFile(const QString &path);
    bool check();
    bool importNow();
    ImportMapping currentMapping() const;
    bool saveMapping(const QString &path);

    // Seams for modal file dialogs (tests set them).
    void setOpenFileChooser(std::function<QString()> chooser) { m_chooseOpen = std::move(chooser); }
    void setSaveFileChooser(std::function<QString()> chooser) { m_chooseSave = std::move(chooser); }

    QLineEdit *fileField() const { return m_file; }
    QComboBox *mappingCombo() const { return m_mappings; }
    QComboBox *fieldCombo(ImportField field) const { return m_fieldCombos.at(size_t(field)); }
    ImportPreviewModel *previewModel() const { return m_previewModel; }
    ImportProblemModel *problemModel() const { return m_problemModel; }
    QSortFilterProxyModel *problemProxy() const { return m_problemProxy; }
    QTableView *problemView() const { return m_problemView; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *importButton() const { return m_import; }
    QLabel *summary() const { return m_summary; }
    const AssetImporter::Plan &plan() const { return m_plan; }
    int importedCount() const { return m_imported; }

signals:
    void imported(int count);

private:
    void fillMappings();
    void applyMapping(const ImportMapping &mapping);
    void mappingChosen();
    void invalidatePlan();

    AssetImporter &m_importer;
    const core::Session &m_session;
    ImportTable m_table;
    QString m_path;
    AssetImporter::Plan m_plan;
    bool m_checked = false;
    int m_imported = 0;
    bool m_applying = false;

    QLineEdit *m_file = nullptr;
    QComboBox *m_mappings = nullptr;
    QComboBox *m_decimal = nullptr;
    QLineEdit *m_dateFormat = nullptr;
    std::array<QComboBox *, ImportFieldCount> m_fieldCombos{};
    ImportPreviewModel *m_previewModel = nullptr;
    QTableView *m_preview = nullptr;
    ImportProblemModel *m_problemModel = nullptr;
    QSortFilterProxyModel *m_problemProxy = nullptr;
    QTableView *m_problemView = nullptr;
    QLabel *m_fileInfo = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_import = nullptr;
    std::function<QString()> m_chooseOpen;
    std::function<QString()> m_chooseSave;
};

} // namespace tambo::patrimonio
