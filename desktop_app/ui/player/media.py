"""Stop, unload or switch a QMediaPlayer from the event loop, never from inside Python code.

PySide6 6.12 with Qt's FFmpeg backend can deadlock when Python calls `stop()` or
`setSource()` on a playing player: tearing the pipeline down destroys objects on the audio
thread, and their destructor calls back into our Python-made `QAudioOutput`
(`disconnectNotify`), which needs the interpreter lock, while the GUI thread holds that lock
inside `stop()` waiting for the audio thread (seen with gdb: "QFFmpeg::AudioRenderer" in
`PyGILState_Ensure`, the GUI thread in `QObject::disconnect`). A queued call runs from the
event loop, which does not hold the lock, so the audio thread can finish.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QCoreApplication, QEvent, QMetaObject, Qt, QUrl
from PySide6.QtMultimedia import QMediaPlayer

_QUEUED = Qt.ConnectionType.QueuedConnection


def release_player(player: QMediaPlayer) -> None:
    """Stop and unload now, with the interpreter lock released while Qt tears down. A player
    already unloaded is left alone (tearing down twice crashed the FFmpeg backend)."""
    if player.source().isEmpty() \
            and player.playbackState() == QMediaPlayer.PlaybackState.StoppedState:
        return
    QMetaObject.invokeMethod(player, "stop", _QUEUED)
    QMetaObject.invokeMethod(player, "setSource", _QUEUED, Q_ARG(QUrl, QUrl()))
    # deliver just those two calls (PySide releases the lock inside sendPostedEvents)
    QCoreApplication.sendPostedEvents(player, QEvent.Type.MetaCall)


def stop_player(player: QMediaPlayer) -> None:
    """Stop now, with the interpreter lock released while Qt stops the audio thread."""
    QMetaObject.invokeMethod(player, "stop", _QUEUED)
    QCoreApplication.sendPostedEvents(player, QEvent.Type.MetaCall)


def switch_source(player: QMediaPlayer, url: QUrl) -> None:
    """Open another file (its status changes arrive as usual, a moment later)."""
    QMetaObject.invokeMethod(player, "stop", _QUEUED)
    QMetaObject.invokeMethod(player, "setSource", _QUEUED, Q_ARG(QUrl, url))
