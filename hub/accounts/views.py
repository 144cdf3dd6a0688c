from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..models import UserProfile
from .forms import ProfileForm


@login_required
def profile(request):
    instance = UserProfile.objects.filter(user=request.user).first() or UserProfile(
        user=request.user
    )
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("account_profile")
    return render(request, "hub/accounts/profile.html", {"form": form})
