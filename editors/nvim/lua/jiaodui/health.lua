-- :checkhealth jiaodui: the server path and version, and the configuration in force.
local M = {}

local function nearest_config(dir)
  return vim.fs.find({ 'jiaodui.toml', '.jiaodui.toml' }, { path = dir, upward = true })[1]
end

function M.check()
  local health = vim.health
  local jiaodui = require('jiaodui')
  local cfg = jiaodui.config()

  health.start('jiaodui: server')
  local cmd = cfg.cmd
  if type(cmd) ~= 'table' or not cmd[1] then
    health.error('no cmd in the jiaodui config', { "Set it with vim.lsp.config('jiaodui', { cmd = { 'jiaodui', 'lsp' } })" })
  else
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      health.error(('`%s` was not found (cmd = %s)'):format(cmd[1], vim.inspect(cmd)), {
        'Install jiaodui and put it on PATH: see https://github.com/jiaodui/jiaodui#install',
        "Or point Neovim at it: vim.lsp.config('jiaodui', { cmd = { '/path/to/jiaodui', 'lsp' } })",
      })
    else
      health.ok('server: ' .. exe .. ' (cmd = ' .. table.concat(cmd, ' ') .. ')')
      local res = vim.system({ exe, '--version' }, { text = true }):wait(5000)
      local version = vim.trim(res.stdout or '')
      if res.code == 0 and version ~= '' then
        health.ok('version: ' .. version)
      else
        health.warn(('`%s --version` failed (exit %s): %s'):format(exe, tostring(res.code), vim.trim(res.stderr or '')))
      end
    end
  end

  health.start('jiaodui: configuration')
  health.info('Neovim ' .. tostring(vim.version()) .. ', filetypes: ' .. table.concat(cfg.filetypes or {}, ', '))
  local cwd_config = nearest_config(vim.fn.getcwd())
  if cwd_config then
    health.ok('config for the current directory: ' .. cwd_config)
  else
    health.info('no jiaodui.toml in the current directory or above it: jiaodui starts only inside a project that has one')
  end
  local clients = vim.lsp.get_clients({ name = 'jiaodui' })
  if #clients == 0 then
    health.info('no jiaodui client is running')
  end
  for _, client in ipairs(clients) do
    local info = client.server_info or {}
    health.ok(('client %d: %s %s, root %s, position encoding %s'):format(
      client.id, info.name or 'jiaodui', info.version or '', client.root_dir or '(none)', client.offset_encoding))
    for buf in pairs(client.attached_buffers) do
      local name = vim.api.nvim_buf_get_name(buf)
      local config = nearest_config(vim.fs.dirname(name))
      health.info(('  %s: config %s'):format(name, config or '(defaults)'))
    end
  end
end

return M
