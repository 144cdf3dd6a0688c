"""Put the screening task (which confirms the moderator's decision) in the "Practice review"
workflow in place of the group approval task of the same name. A practice already in screening
finishes on the old task; the old task is kept (inactive) for its history."""

from django.db import migrations

WORKFLOW, TASK, GROUP = "Practice review", "Screening", "Moderators"
OLD_NAME = f"{TASK} (before confirmations)"


def use_screening_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ScreeningTask = apps.get_model("practices", "ScreeningTask")
    for link in WorkflowTask.objects.filter(workflow__name=WORKFLOW, task__name=TASK):
        old = link.task
        if old.content_type.app_label == "practices":
            continue
        content_type, _ = ContentType.objects.get_or_create(
            app_label="practices", model="screeningtask")
        Task.objects.filter(pk=old.pk).update(name=OLD_NAME, active=False)
        new = ScreeningTask.objects.create(name=TASK, content_type=content_type, active=True)
        group, _ = Group.objects.get_or_create(name=GROUP)
        new.groups.add(group)
        link.task_id = new.pk
        link.save(update_fields=["task"])


def use_group_approval_task(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    old = Task.objects.filter(name=OLD_NAME).first()
    for link in WorkflowTask.objects.filter(workflow__name=WORKFLOW, task__name=TASK):
        if old is not None:
            Task.objects.filter(pk=old.pk).update(name=TASK, active=True)
            Task.objects.filter(pk=link.task_id).update(active=False, name=f"{TASK} (confirmed)")
            link.task_id = old.pk
            link.save(update_fields=["task"])


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0006_screening_task"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(use_screening_task, use_group_approval_task)]
