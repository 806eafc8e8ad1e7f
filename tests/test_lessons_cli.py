"""`gatelab lessons` copies the lessons for a pip user, and never loses an edited lesson."""

from importlib.metadata import version

import pytest

from gatelab import __version__
from gatelab.cli import main
from gatelab.lessons import copy_lessons, lesson_files, lessons_source


def test_the_lessons_are_found_in_both_languages():
    source = lessons_source()
    english = [path for path in lesson_files(source, "en") if path.suffix == ".ipynb"]
    korean = [path for path in lesson_files(source, "ko") if path.suffix == ".ipynb"]
    assert len(english) == len(korean) >= 7
    assert [path.name for path in english] == [path.name for path in korean]


def test_lessons_are_copied_with_their_images(tmp_path):
    report = copy_lessons(tmp_path / "lessons")
    names = {path.as_posix() for path in report.copied}
    assert "06_serving_gates_with_fastapi.ipynb" in names
    assert "images/my_api_try_it_out.png" in names
    assert (tmp_path / "lessons" / "images" / "my_api_try_it_out.png").stat().st_size > 0
    korean = copy_lessons(tmp_path / "lessons", "ko")
    assert "ko/06_serving_gates_with_fastapi.ipynb" in {p.as_posix() for p in korean.copied}
    assert not korean.kept  # the images were there already, the same


def test_an_edited_lesson_is_kept_unless_forced(tmp_path, capsys):
    copy_lessons(tmp_path)
    lesson = tmp_path / "01_perceptron_and.ipynb"
    lesson.write_text("my own notes")
    assert main(["lessons", str(tmp_path)]) == 0
    said = capsys.readouterr().out
    assert "kept your 01_perceptron_and.ipynb" in said and "--force" in said
    assert lesson.read_text() == "my own notes"
    assert main(["lessons", str(tmp_path), "--force"]) == 0
    assert "copied 1 lessons" in capsys.readouterr().out
    assert lesson.read_text() != "my own notes"


def test_copying_again_changes_nothing(tmp_path, capsys):
    copy_lessons(tmp_path)
    report = copy_lessons(tmp_path)
    assert not report.copied and not report.kept and report.unchanged
    main(["lessons", str(tmp_path)])
    assert "were up to date" in capsys.readouterr().out


def test_an_unknown_language_is_refused(tmp_path):
    with pytest.raises(ValueError, match="choose one of en, ko"):
        copy_lessons(tmp_path, "jp")


def test_the_version_comes_from_the_package_metadata(capsys):
    assert __version__ == version("gatelab")
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"gatelab {__version__}"
