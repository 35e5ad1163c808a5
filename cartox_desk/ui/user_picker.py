"""Who is working: pick an existing user or add one (name + role), remembered per laptop (QSettings).

Every record the app writes carries this user. The dialog is the one place a user is chosen, so passwords
(or a badge reader) fit later behind `Authenticator.verify`: the dialog asks it before accepting.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.records import UserRef, UserRole
from cartox_desk.ui.settings import settings_store

_KEY_NAME = "session/last_user_name"
_KEY_ROLE = "session/last_user_role"


class Authenticator(Protocol):
    def verify(self, user: UserRef, parent: QWidget | None) -> bool: ...


class NoPassword:
    """Today: choosing a name is enough (issue 4 item 7). A password check replaces this object."""

    def verify(self, user: UserRef, parent: QWidget | None) -> bool:
        return True


def remembered_user_name(store: QSettings | None = None) -> str | None:
    store = store or settings_store()
    value = store.value(_KEY_NAME)
    return str(value) if value else None


def remember_user(user: UserRef, store: QSettings | None = None) -> None:
    """Remembered by name (ids differ between databases: demo, ward, test)."""
    store = store or settings_store()
    store.setValue(_KEY_NAME, user.name)
    store.setValue(_KEY_ROLE, user.role.value)
    store.sync()


def role_word(role: UserRole | str) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {UserRole.NURSE: QCoreApplication.translate("UserPicker", "nurse"),
             UserRole.PHYSICIAN: QCoreApplication.translate("UserPicker", "physician"),
             UserRole.ADMIN: QCoreApplication.translate("UserPicker", "administrator")}
    return words.get(UserRole(role), str(role))


class UserPickerDialog(QDialog):
    """Choose who is working. `chosen()` is the UserRef after `accept()`."""

    def __init__(self, services: Any, parent: QWidget | None = None,
                 authenticator: Authenticator | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.authenticator = authenticator or NoPassword()
        self._chosen: UserRef | None = None
        self.setWindowTitle(self.tr("Who is working?"))

        intro = QLabel(self.tr("Every record you enter carries your name. Pick yourself, or add yourself"
                               " once; this laptop remembers the last choice."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setMinimumSize(420, 220)
        self.list.itemDoubleClicked.connect(lambda _item: self._on_accept())

        add_box = QGroupBox(self.tr("New user"), self)
        self.name_edit = QLineEdit(add_box)
        self.name_edit.setPlaceholderText(self.tr("full name, e.g. Li Na"))
        self.role_combo = QComboBox(add_box)
        for role in (UserRole.NURSE, UserRole.PHYSICIAN, UserRole.ADMIN):
            self.role_combo.addItem(role_word(role), role.value)
        self.add_button = QPushButton(self.tr("&Add"), add_box)
        self.add_button.setToolTip(self.tr("Add this user and select them (Alt+A)"))
        self.add_button.clicked.connect(self._on_add)
        self.name_edit.returnPressed.connect(self._on_add)
        form = QFormLayout(add_box)
        form.addRow(self.tr("&Name"), self.name_edit)
        row = QHBoxLayout()
        row.addWidget(self.role_combo, 1)
        row.addWidget(self.add_button)
        role_label = QLabel(self.tr("&Role"), add_box)
        role_label.setBuddy(self.role_combo)  # the row is a layout, so addRow(str, …) cannot find a buddy
        form.addRow(role_label, row)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c8102e;")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Start (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Quit (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_accept)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(add_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill(remembered_user_name())
        self.list.setFocus()

    def _fill(self, select_name: str | None) -> None:
        self.list.clear()
        for user in self.services.list_users():
            item = QListWidgetItem(f"{user.name} — {role_word(user.role)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, user)
            if user.name == select_name:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _on_add(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.message.setText(self.tr("Type a name first."))
            self.name_edit.setFocus()
            return
        existing = [u for u in self.services.list_users() if u.name == name]
        if existing:
            self._fill(name)
            self.message.setText(self.tr("%1 already exists: selected.").replace("%1", name))
            return
        try:
            user = self.services.create_user(name, self.role_combo.currentData())
        except Exception as exc:  # a ValidationError names the field
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.name_edit.clear()
        self._fill(user.name)
        self.list.setFocus()

    def _on_accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("Pick a user, or add one."))
            return
        user: UserRef = item.data(Qt.ItemDataRole.UserRole)
        if not self.authenticator.verify(user, self):
            self.message.setText(self.tr("Not verified."))
            return
        self._chosen = user
        remember_user(user)
        self.accept()

    def chosen(self) -> UserRef | None:
        return self._chosen


def pick_user(services: Any, parent: QWidget | None = None) -> UserRef | None:
    """Show the picker modally; None when the user quits."""
    dialog = UserPickerDialog(services, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def default_user(services: Any) -> UserRef:
    """For the self-test and tests (no dialog): the remembered user, else the first, else a new one."""
    users = services.list_users()
    name = remembered_user_name()
    for user in users:
        if user.name == name:
            return user
    if users:
        return users[0]
    return services.create_user("self-test", UserRole.NURSE)
